using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using StepOrders.Api.Access;

namespace StepOrders.Api.FrontDoor;

/// <summary>
/// One structured line per request, as API Gateway's access logs give: method, route template (not the path, so ids
/// stay out and lines group by route), status, duration, the key's name and id (never its secret), and the trace id
/// that the request's problem details carry. Category <c>StepOrders.Access</c>, level Information.
/// </summary>
public sealed partial class AccessLog(RequestDelegate next, ILoggerFactory loggers, TimeProvider clock)
{
    public const string Category = "StepOrders.Access";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = clock.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var key = context.Features.Get<ApiKey>();
                LogRequest(
                    context.Request.Method,
                    (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "-",
                    context.Response.StatusCode,
                    Math.Round(clock.GetElapsedTime(started).TotalMilliseconds, 3),
                    key?.Name ?? context.User.Identity?.Name ?? "-",
                    key?.Id ?? "-",
                    Activity.Current?.Id ?? context.TraceIdentifier);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "{Method} {Route} {Status} {DurationMs} ms key={KeyName} keyId={KeyId} traceId={TraceId}", EventName = "Access")]
    private partial void LogRequest(string method, string route, int status, double durationMs, string keyName, string keyId, string traceId);
}

public static class AccessLogExtensions
{
    public static IApplicationBuilder UseAccessLog(this IApplicationBuilder app) => app.UseMiddleware<AccessLog>();
}
