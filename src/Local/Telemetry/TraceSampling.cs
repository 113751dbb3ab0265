using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Local.Telemetry;

/// <summary>
/// Listens to the StepOrders and ASP.NET Core activity sources so that activities exist and carry the W3C trace
/// context from the request to the last step even when no exporter is configured (the log lines carry its trace id).
/// Propagation only: no tags or events are collected for nobody (recording them cost POST /orders several percent);
/// with OTLP configured, OpenTelemetry's own listener asks for the data of the spans it exports.
/// </summary>
internal sealed class TraceSampling : IHostedService, IDisposable
{
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    private ActivityListener? _listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is OrderTracing.SourceName or AspNetCoreSource,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
        };
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
    }
}
