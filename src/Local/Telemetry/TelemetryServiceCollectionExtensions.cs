using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StepOrders.Api.Telemetry;
using StepOrders.Local.Telemetry.Alarms;
using StepOrders.Local.Telemetry.Metrics;
using StepOrders.Local.Telemetry.Stats;
using StepOrders.Orders.Telemetry;
using StepOrders.Workflow;

namespace StepOrders.Local.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The host's telemetry: JSON log lines with scopes and the trace id, the StepOrders instruments collected for
    /// <c>/metrics</c> and the in-process alarms, activities from the API request to the last step, the embedded
    /// runtime's executions and the queue as metrics, and OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// <c>--no-telemetry</c> leaves all that out (see <see cref="TelemetryOptions"/>); the stats stay.
    /// </summary>
    public static WebApplicationBuilder AddStepOrdersTelemetry(this WebApplicationBuilder builder)
    {
        var options = TelemetryOptions.From(builder.Configuration);
        var services = builder.Services;
        services.TryAddSingleton<OrderMetrics>();
        services.AddSingleton<OrderStatistics>();
        if (!options.Enabled)
        {
            return builder;
        }

        // Every line inside an activity carries its TraceId and SpanId; every line inside an order's scope its orderId, executionName and function.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        services.AddSingleton<MetricCollector>();
        services.AddSingleton<QueueStatisticsReader>();
        services.AddSingleton(provider => new ExecutionTraces(() => provider.GetRequiredService<WorkflowRuntime>()));
        services.AddSingleton<TaskTelemetry>();
        services.AddHostedService<TraceSampling>();
        services.AddHostedService<ExecutionTelemetry>();
        services.AddTransient<IStartupFilter, RequestTelemetryStartup>();

        var alarms = AlarmOptions.From(builder.Configuration);
        services.AddSingleton(alarms);
        if (alarms.Webhook is not null)
        {
            services.AddSingleton<AlarmWebhook>();
            services.AddHostedService(provider => provider.GetRequiredService<AlarmWebhook>());
        }
        services.AddSingleton<AlarmMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<AlarmMonitor>());

        if (options.ExportOtlp)
        {
            // Endpoint, protocol, headers and intervals come from OpenTelemetry's own OTEL_EXPORTER_OTLP_* variables.
            services.AddOpenTelemetry()
                .WithMetrics(metrics => metrics.AddMeter(OrderMetrics.MeterName))
                .WithTracing(tracing => tracing.AddSource(OrderTracing.SourceName, TraceSampling.AspNetCoreSource))
                .UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Request metrics and log scope outermost, before the app's own middleware, so they see every response's final status.</summary>
    private sealed class RequestTelemetryStartup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRequestTelemetry();
            next(app);
        };
    }
}
