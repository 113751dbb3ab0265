using Microsoft.Extensions.Configuration;

namespace StepOrders.Local.Telemetry;

/// <summary>
/// Whether the host instruments itself: <c>--no-telemetry</c> (<c>Telemetry:Enabled=false</c>) turns off what the
/// instrumentation costs — metric collection and <c>/metrics</c>, the alarms, activities, log scopes and the per-step
/// log lines — and is a benchmark aid, to measure that cost; the instruments stay in the code, unheard.
/// OTLP export is on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (OpenTelemetry's own variables configure it).
/// <c>/metrics</c> needs an admin key unless <c>Telemetry:MetricsWithoutKey=true</c>, for scrapers on a trusted network.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string EnabledKey = "Telemetry:Enabled";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsWithoutKeyKey = "Telemetry:MetricsWithoutKey";

    public bool Enabled { get; init; } = true;

    public bool ExportOtlp { get; init; }

    public bool MetricsWithoutKey { get; init; }

    public static TelemetryOptions From(IConfiguration configuration) => new()
    {
        Enabled = !bool.TryParse(configuration[EnabledKey], out var enabled) || enabled,
        MetricsWithoutKey = bool.TryParse(configuration[MetricsWithoutKeyKey], out var open) && open,
        ExportOtlp = !string.IsNullOrEmpty(configuration[OtlpEndpointVariable] ?? Environment.GetEnvironmentVariable(OtlpEndpointVariable)),
    };
}
