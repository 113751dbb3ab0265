using System.Diagnostics.Metrics;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Local.Telemetry.Metrics;

/// <summary>
/// Listens to this host's StepOrders Meter (that Meter object only, so two hosts in one process keep their figures
/// apart) and keeps every instrument's series since the process started, for <c>/metrics</c> and the alarms.
/// A measurement finds its series by a short scan under no lock; only a new tag combination takes one.
/// </summary>
internal sealed class MetricCollector : IDisposable
{
    private readonly MeterListener _listener;
    private readonly Lock _collecting = new();
    private readonly List<InstrumentSeries> _instruments = [];

    public MetricCollector(OrderMetrics metrics)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (!ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    return;
                }
                var series = new InstrumentSeries(instrument);
                lock (_instruments)
                {
                    _instruments.Add(series);
                }
                listener.EnableMeasurementEvents(instrument, series);
            },
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentSeries)state!).Measure(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentSeries)state!).Measure(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentSeries)state!).Measure(value, tags));
        _listener.Start();
    }

    /// <summary>Every instrument with its series now; observable gauges are read first.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (_collecting)
        {
            _listener.RecordObservableInstruments();
            InstrumentSeries[] instruments;
            lock (_instruments)
            {
                instruments = [.. _instruments];
            }
            return [.. instruments.Select(instrument => instrument.Snapshot())];
        }
    }

    public void Dispose() => _listener.Dispose();

    private sealed class InstrumentSeries(Instrument instrument)
    {
        private readonly MetricKind _kind = KindOf(instrument);
        private readonly double[]? _bounds = instrument is Histogram<double> ? [.. OrderMetrics.BucketBounds] : null;
        private MetricSeries[] _series = [];

        public void Measure(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var series = Find(tags);
            switch (_kind)
            {
                case MetricKind.Counter:
                    series.Add(value);
                    break;
                case MetricKind.Histogram:
                    series.Record(value);
                    break;
                default:
                    series.Set(value);
                    break;
            }
        }

        public MetricFamily Snapshot() => new(
            instrument.Name, instrument.Unit, instrument.Description, _kind, [.. Volatile.Read(ref _series).Select(series => series.Snapshot())]);

        private MetricSeries Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var series in Volatile.Read(ref _series))
            {
                if (series.Matches(tags))
                {
                    return series;
                }
            }
            lock (this)
            {
                foreach (var series in _series)
                {
                    if (series.Matches(tags))
                    {
                        return series;
                    }
                }
                var created = new MetricSeries(tags, _bounds);
                Volatile.Write(ref _series, [.. _series, created]);
                return created;
            }
        }

        private static MetricKind KindOf(Instrument instrument) => instrument switch
        {
            Counter<long> or Counter<double> or Counter<int> => MetricKind.Counter,
            Histogram<double> => MetricKind.Histogram,
            _ => MetricKind.Gauge,
        };
    }
}

internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>One instrument at one moment: its name, unit, description, kind and series.</summary>
internal sealed record MetricFamily(string Name, string? Unit, string? Description, MetricKind Kind, IReadOnlyList<SeriesSnapshot> Series)
{
    /// <summary>The series' values added up, for a counter (0 when it has none yet).</summary>
    public double Total(Func<SeriesSnapshot, bool>? where = null) => Series.Where(where ?? (_ => true)).Sum(series => series.Value);
}
