using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;
using StepOrders.Api.FrontDoor;
using StepOrders.Api.Orders;
using StepOrders.Api.UsagePlans;
using StepOrders.Orders.Ports;

namespace StepOrders.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The API's services: source-generated JSON, RFC 9457 problem details (with a <c>traceId</c>) for every error,
    /// and the front door: <c>x-api-key</c> authentication and CORS for the configured origins (see
    /// <see cref="FrontDoorOptions"/>; none without <paramref name="configuration"/>). The host supplies the ports
    /// (<c>IOrderStore</c>, <c>IOrderIntake</c>, …) and an <see cref="IApiKeyStore"/>, and adds
    /// <see cref="UsagePlanThrottling.AddStepOrdersUsagePlans"/> where no API Gateway applies the usage plans.
    /// </summary>
    public static IServiceCollection AddStepOrdersApi(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var frontDoor = configuration is null ? new FrontDoorOptions() : FrontDoorOptions.From(configuration);
        services.AddSingleton(frontDoor);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.MaxDepth = ApiJson.MaxDepth;
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            if (context.Exception is StoreUnavailableException)
            {
                context.ProblemDetails.Detail = "The order store cannot take this request now; nothing was kept. Send it again (with the same Idempotency-Key) shortly.";
                context.HttpContext.Response.Headers.RetryAfter = "1";
            }
        });
        services.AddSingleton<KnownApiKeys>();
        services.AddSingleton<FailedAuthentications>();
        services.AddSingleton<ApiKeyIssuer>();
        // The authentication core without AddAuthentication's data protection: API keys need no cookies or tokens.
        services.AddWebEncoders();
        services.AddAuthenticationCore(options => options.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName);
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AccessPolicies.Admin, policy => policy.RequireRole(ApiCaller.AdminRole));
        if (frontDoor.CorsOrigins.Count > 0)
        {
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. frontDoor.CorsOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put)
                .WithHeaders(ApiKeyAuthenticationHandler.HeaderName, "content-type", IdempotencyKey.HeaderName)
                .WithExposedHeaders("Location", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        }
        return services;
    }

    /// <summary>
    /// The middleware in front of the endpoints, outermost first: security headers and the access log (so they see
    /// every response, errors included); exceptions and empty error responses become problem details (a bad request
    /// Kestrel refuses keeps its status, e.g. 413; a store that cannot take the request now answers 503); CORS answers
    /// preflights before any key is asked for; then the key is checked, its usage plan applied, and the route's policy
    /// authorized.
    /// </summary>
    public static WebApplication UseStepOrdersApi(this WebApplication app)
    {
        var frontDoor = app.Services.GetRequiredService<FrontDoorOptions>();
        app.UseSecurityHeaders();
        if (frontDoor.Enabled && app.Services.GetService<AccessLogWriter>() is not null)
        {
            app.UseAccessLog();
        }
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                StoreUnavailableException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        if (frontDoor.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }
        app.UseAuthentication();
        if (frontDoor.Enabled && app.Services.GetService<QuotaUsage>() is not null)
        {
            app.UseRateLimiter();
        }
        app.UseAuthorization();
        return app;
    }
}
