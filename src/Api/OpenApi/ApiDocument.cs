using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using StepOrders.Api.Access;

namespace StepOrders.Api.OpenApi;

/// <summary>
/// The API's OpenAPI document at <c>/openapi/v1.json</c>, generated from the endpoints (their routes, parameters,
/// <c>Accepts</c> and typed results), with the <c>x-api-key</c> security scheme, the front door's error responses on
/// every operation that needs a key, and examples. Serving it needs a key, as every route but <c>/health</c> does.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/{documentName}.json";
    public const string SecuritySchemeName = "ApiKey";

    public static IServiceCollection AddStepOrdersOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "StepOrders API",
                    Version = Name,
                    Description = "Orders for online shops, each processed by a Step Functions workflow. Every operation but GET /health "
                        + "needs an API key in the x-api-key header; a key bound to a customer reaches that customer's orders only, "
                        + "and each key has a usage plan (rate, burst, daily quota) whose excess is answered 429 with Retry-After.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
                document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "An API key from `keys create` (shown once), or STEPORDERS_API_KEY.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<FrontDoorResponses>();
            options.AddOperationTransformer<ApiExamples>();
        });

    public static IEndpointConventionBuilder MapStepOrdersOpenApi(this IEndpointRouteBuilder routes) => routes.MapOpenApi(Path);
}
