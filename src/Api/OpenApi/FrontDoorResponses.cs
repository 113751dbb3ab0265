using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StepOrders.Api.Access;

namespace StepOrders.Api.OpenApi;

/// <summary>
/// What the front door may answer before or beside an operation, added to each operation that needs a key: its
/// security requirement, 401 and 429 (with <c>Retry-After</c>); 403 for admin routes; 404 when the path names
/// something; 400 when it takes parameters or a body, and 413 for a body. All are problem details.
/// </summary>
internal sealed class FrontDoorResponses : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }
        var document = context.Document!;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.SecuritySchemeName, document)] = [] }];
        operation.Responses ??= [];
        var problem = await SchemaAsync(typeof(ProblemDetails), "ProblemDetails");
        Add("401", "No API key, or one that is unknown or revoked.", problem);
        Add("429", "The key is over its rate, burst or daily quota; Retry-After gives the seconds to wait.", problem, retryAfter: true);
        if (metadata.OfType<IAuthorizeData>().Any(data => data.Policy == AccessPolicies.Admin))
        {
            Add("403", "The key is not an admin key.", problem);
        }
        var parameters = context.Description.ParameterDescriptions;
        if (parameters.Any(parameter => parameter.Source == BindingSource.Path))
        {
            Add("404", "Nothing of that id, or nothing this key may see (a customer key never learns what other customers have).", problem);
        }
        if (operation.RequestBody is not null || parameters.Any(parameter => parameter.Source == BindingSource.Query))
        {
            Add("400", "Invalid input: each field in error is listed under errors.", await SchemaAsync(typeof(HttpValidationProblemDetails), "HttpValidationProblemDetails"));
        }
        if (operation.RequestBody is not null)
        {
            Add("413", "The body is over 64 KiB.", problem);
        }

        async Task<IOpenApiSchema> SchemaAsync(Type type, string id)
        {
            if (document.Components?.Schemas?.ContainsKey(id) != true)
            {
                document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            }
            return new OpenApiSchemaReference(id, document);
        }

        void Add(string status, string description, IOpenApiSchema schema, bool retryAfter = false)
        {
            if (operation.Responses.ContainsKey(status))
            {
                return;
            }
            var response = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/problem+json"] = new() { Schema = schema } },
            };
            if (retryAfter)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Seconds until the key may send again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                };
            }
            operation.Responses[status] = response;
        }
    }
}
