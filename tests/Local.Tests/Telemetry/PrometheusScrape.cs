using System.Globalization;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary>Prometheus text read back: each sample by its name and labels as written (<c>name{a="x",b="y"}</c>).</summary>
public sealed class PrometheusScrape
{
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    public PrometheusScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            var space = line.LastIndexOf(' ');
            _samples[line[..space]] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
        }
    }

    public string Text { get; }

    /// <summary>The sample's value; a sample the text does not have reads as absent (null), not as zero.</summary>
    public double? this[string sample] => _samples.TryGetValue(sample, out var value) ? value : null;

    public IEnumerable<string> Names => _samples.Keys;
}
