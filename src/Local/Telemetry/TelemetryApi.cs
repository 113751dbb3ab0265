using Microsoft.AspNetCore.Http.HttpResults;
using StepOrders.Api.Access;
using StepOrders.Local.Telemetry.Alarms;
using StepOrders.Local.Telemetry.Metrics;
using StepOrders.Local.Telemetry.Stats;

namespace StepOrders.Local.Telemetry;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text for admin keys, as <c>x-api-key</c> or <c>Authorization: Bearer</c> (what
/// Prometheus' scrape config sends): it names no customer, but shows the business (orders an hour, failures, revenue's
/// pace), so by default it is no more open than <c>/admin/stats</c>; <c>Telemetry:MetricsWithoutKey=true</c> opens it
/// to a scraper on a trusted network. <c>GET /admin/alarms</c> and <c>GET /admin/stats?window=1h</c>: JSON for admin
/// keys, which the console charts.
/// With <c>--no-telemetry</c> only the stats remain (they read the database, not the instruments).
/// </summary>
internal static class TelemetryApi
{
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").RequireAuthorization(AccessPolicies.Admin).WithTags("Telemetry");
        admin.MapGet("/stats", StatsAsync).WithName("GetStats");
        if (routes.ServiceProvider.GetService<MetricCollector>() is not null)
        {
            var metrics = routes.MapGet("/metrics", (MetricCollector collector) => Results.Text(PrometheusText.Write(collector.Collect()), PrometheusText.ContentType))
                .WithTags("Telemetry").WithName("GetMetrics");
            if (TelemetryOptions.From(routes.ServiceProvider.GetRequiredService<IConfiguration>()).MetricsWithoutKey)
            {
                metrics.AllowAnonymous();
            }
            else
            {
                metrics.RequireAuthorization(AccessPolicies.Admin).AcceptApiKeyAsBearer();
            }
            admin.MapGet("/alarms", (AlarmMonitor alarms) => TypedResults.Json(alarms.Report(), TelemetryJson.Default.AlarmReport)).WithName("GetAlarms");
        }
        return routes;
    }

    private static async Task<Results<JsonHttpResult<StatsReport>, ProblemHttpResult>> StatsAsync(
        string? window, OrderStatistics statistics, CancellationToken cancellationToken)
    {
        if (!StatsWindow.TryParse(window, out var span))
        {
            // As the API's other 400s: RFC 9457 validation problem details listing the field.
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["window"] = ["must be a number and a unit (s, m, h or d), e.g. 1h, at most 31 days."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = "The request has invalid fields; each is listed under errors.",
            });
        }
        return TypedResults.Json(await statistics.ReadAsync(span, cancellationToken), TelemetryJson.Default.StatsReport);
    }
}
