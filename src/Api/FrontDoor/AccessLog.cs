using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;

namespace StepOrders.Api.FrontDoor;

/// <summary>
/// One structured line per request, as API Gateway's access logs give: time, method, route template (not the path,
/// so ids stay out and lines group by route), status, duration, the key's name and id (never its secret), and the
/// trace id that the request's problem details carry. Lines go to <see cref="AccessLogWriter"/>, off the request path.
/// </summary>
public sealed class AccessLog(RequestDelegate next, AccessLogWriter writer, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = clock.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var key = context.Features.Get<ApiKey>();
            writer.Write(new AccessRecord(
                clock.GetUtcNow(),
                context.Request.Method,
                (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "-",
                status,
                clock.GetElapsedTime(started).TotalMilliseconds,
                key?.Name ?? context.User.Identity?.Name,
                key?.Id,
                Activity.Current?.Id ?? context.TraceIdentifier));
        }
    }
}

public static class AccessLogExtensions
{
    /// <summary>The access log, written to <paramref name="path"/> (JSON lines), rotated as <see cref="FrontDoorOptions.AccessLog"/> says.</summary>
    public static IServiceCollection AddStepOrdersAccessLog(this IServiceCollection services, string path)
    {
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<AccessLogWriter>(
            provider, path, (provider.GetService<FrontDoorOptions>() ?? new FrontDoorOptions()).AccessLog));
        services.AddHostedService(provider => provider.GetRequiredService<AccessLogWriter>());
        return services;
    }

    public static IApplicationBuilder UseAccessLog(this IApplicationBuilder app) => app.UseMiddleware<AccessLog>();
}
