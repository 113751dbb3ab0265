using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;

namespace StepOrders.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The API's services: source-generated JSON, RFC 9457 problem details for every error, and <c>x-api-key</c>
    /// authentication. The host supplies the ports (<c>IOrderStore</c>, <c>IOrderIntake</c>, …) and an <see cref="IApiKeyStore"/>.
    /// </summary>
    public static IServiceCollection AddStepOrdersApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.MaxDepth = ApiJson.MaxDepth;
        });
        services.AddProblemDetails();
        services.AddSingleton<KnownApiKeys>();
        services.AddSingleton<ApiKeyIssuer>();
        // The authentication core without AddAuthentication's data protection: API keys need no cookies or tokens.
        services.AddWebEncoders();
        services.AddAuthenticationCore(options => options.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName);
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AccessPolicies.Admin, policy => policy.RequireRole(ApiCaller.AdminRole));
        return services;
    }

    /// <summary>
    /// The middleware in front of the endpoints: exceptions and empty error responses become problem details (a bad
    /// request Kestrel refuses keeps its status, e.g. 413), then the key is checked.
    /// </summary>
    public static WebApplication UseStepOrdersApi(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
