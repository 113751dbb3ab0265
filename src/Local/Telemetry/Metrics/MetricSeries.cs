using System.Globalization;

namespace StepOrders.Local.Telemetry.Metrics;

/// <summary>
/// One instrument's values for one set of tags, kept as Prometheus keeps them: a counter's running total, a gauge's
/// last value, a histogram's count, sum and count per bucket since the process started.
/// </summary>
internal sealed class MetricSeries
{
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly double[]? _bounds;
    private readonly long[]? _buckets;
    private double _value;
    private double _sum;
    private long _count;

    public MetricSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags, double[]? bounds)
    {
        _tags = tags.ToArray();
        Labels = [.. _tags.Select(tag => new KeyValuePair<string, string>(tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""))];
        _bounds = bounds;
        _buckets = bounds is null ? null : new long[bounds.Length + 1];
    }

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    /// <summary>True when the measurement's tags are this series' tags, in any order (tags are few: a scan costs less than a key).</summary>
    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length)
        {
            return false;
        }
        foreach (var tag in tags)
        {
            var found = false;
            foreach (var own in _tags)
            {
                if (string.Equals(own.Key, tag.Key, StringComparison.Ordinal) && Equals(own.Value, tag.Value))
                {
                    found = true;
                    break;
                }
            }
            if (!found)
            {
                return false;
            }
        }
        return true;
    }

    public void Add(double value)
    {
        lock (this)
        {
            _value += value;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);

    public void Record(double value)
    {
        var bucket = Array.BinarySearch(_bounds!, value);
        // Prometheus buckets are "less than or equal": a value on a bound counts in that bound's bucket.
        bucket = bucket >= 0 ? bucket : ~bucket;
        lock (this)
        {
            _buckets![bucket]++;
            _sum += value;
            _count++;
        }
    }

    public SeriesSnapshot Snapshot()
    {
        lock (this)
        {
            if (_buckets is null)
            {
                return new SeriesSnapshot(Labels, _value, 0, 0, []);
            }
            var cumulative = new long[_buckets.Length];
            long total = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                total += _buckets[i];
                cumulative[i] = total;
            }
            return new SeriesSnapshot(Labels, 0, _count, _sum, cumulative);
        }
    }
}

/// <summary>
/// A series at one moment: its labels and its value (counter, gauge), or its count, sum and cumulative bucket counts
/// (histogram; the last bucket is +Inf, so it equals the count).
/// </summary>
internal sealed record SeriesSnapshot(
    IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, long Count, double Sum, IReadOnlyList<long> CumulativeBuckets)
{
    public string? Label(string key) => Labels.FirstOrDefault(label => label.Key == key).Value;
}
