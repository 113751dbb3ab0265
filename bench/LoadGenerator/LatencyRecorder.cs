namespace StepOrders.LoadGenerator;

/// <summary>Collects request latencies of one phase and reports rate and percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> _millis = [];
    private readonly Lock _gate = new();
    private int _errors;

    public void Record(TimeSpan elapsed)
    {
        lock (_gate)
        {
            _millis.Add(elapsed.TotalMilliseconds);
        }
    }

    public void RecordError() => Interlocked.Increment(ref _errors);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _millis.Count;
            }
        }
    }

    public int Errors => _errors;

    public double Percentile(double p)
    {
        if (_millis.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _millis.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}
