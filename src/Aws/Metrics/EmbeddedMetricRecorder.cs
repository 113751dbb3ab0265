using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Aws.Metrics;

/// <summary>
/// Gathers what the StepOrders instruments record during one Lambda invocation and writes it as Embedded Metric
/// Format lines when the invocation ends: namespace <c>StepOrders</c>, dimensions <c>Service</c>, <c>Stage</c> and
/// <c>Function</c>. The stage is part of every metric's identity, so the dev and prod stacks of one account each alarm
/// and chart on their own figures only (a CloudWatch metric is selected by its exact dimensions).
/// Counters are summed, histograms keep their values (a CloudWatch distribution); seconds become milliseconds.
/// An instrument's tags (step, error, state…) go on the line as properties, one line per tag combination, so they
/// are searchable in Logs Insights without multiplying CloudWatch metrics. Names lose the <c>steporders.</c> prefix
/// and are written in CloudWatch's PascalCase: <c>steporders.orders.failed</c> → <c>OrdersFailed</c>.
/// </summary>
public sealed class EmbeddedMetricRecorder : IDisposable
{
    public const string Namespace = "StepOrders";
    public const string Service = "StepOrders";

    private readonly MeterListener _listener;
    private readonly Lock _gate = new();
    private readonly List<Measured> _measured = [];
    private readonly string _stage;

    /// <param name="stage">The stack's stage (<c>dev</c>, <c>prod</c>), the value of the <c>Stage</c> dimension.</param>
    public EmbeddedMetricRecorder(OrderMetrics metrics, string stage)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(stage);
        _stage = stage;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument is Counter<long> or Histogram<double>)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measure(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measure(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Adds a count of its own, outside the Meter (Lambda's ColdStart, as Powertools emits it).</summary>
    public void Count(string name, double value = 1)
    {
        lock (_gate)
        {
            _measured.Add(new Measured(name, "Count", value, false, []));
        }
    }

    /// <summary>The lines for everything measured since the last call, which it forgets.</summary>
    public IReadOnlyList<string> Drain(string function, DateTimeOffset timestamp, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        Measured[] measured;
        lock (_gate)
        {
            measured = [.. _measured];
            _measured.Clear();
        }
        var dimensions = Dimensions(_stage, function);
        return
        [
            .. measured.GroupBy(measurement => measurement.TagKey).SelectMany(group => EmbeddedMetricFormat.Write(
                Namespace,
                dimensions,
                [.. group.GroupBy(measurement => (measurement.Name, measurement.Unit, measurement.IsDistribution)).Select(metric =>
                    new EmbeddedMetric(metric.Key.Name, metric.Key.Unit, metric.Key.IsDistribution ? [.. metric.Select(m => m.Value)] : [metric.Sum(m => m.Value)]))],
                timestamp,
                [.. properties, .. group.First().Tags])),
        ];
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The dimensions of every metric a function of a stage writes, in the order of its lines; alarms select on exactly these.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Dimensions(string stage, string function) =>
        [new("Service", Service), new("Stage", stage), new("Function", function)];

    /// <summary><c>steporders.api.request.duration</c> → <c>ApiRequestDuration</c>.</summary>
    public static string CloudWatchName(string instrumentName)
    {
        ArgumentNullException.ThrowIfNull(instrumentName);
        var name = new StringBuilder(instrumentName.Length);
        var upper = true;
        foreach (var c in instrumentName.StartsWith("steporders.", StringComparison.Ordinal) ? instrumentName["steporders.".Length..] : instrumentName)
        {
            if (c is '.' or '_')
            {
                upper = true;
                continue;
            }
            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return name.ToString();
    }

    private void Measure(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var seconds = instrument.Unit == "s";
        var tagList = new KeyValuePair<string, object?>[tags.Length];
        var key = new StringBuilder();
        for (var i = 0; i < tags.Length; i++)
        {
            var text = Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture);
            tagList[i] = new(tags[i].Key, text);
            key.Append(tags[i].Key).Append('=').Append(text).Append(';');
        }
        var measured = new Measured(
            CloudWatchName(instrument.Name), seconds ? "Milliseconds" : "Count", seconds ? value * 1000 : value, instrument is Histogram<double>, tagList)
        {
            TagKey = key.ToString(),
        };
        lock (_gate)
        {
            _measured.Add(measured);
        }
    }

    private sealed record Measured(string Name, string Unit, double Value, bool IsDistribution, KeyValuePair<string, object?>[] Tags)
    {
        public string TagKey { get; init; } = "";
    }
}
