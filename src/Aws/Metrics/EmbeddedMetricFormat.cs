using System.Text;
using System.Text.Json;

namespace StepOrders.Aws.Metrics;

/// <summary>A metric of one EMF document: its name, its CloudWatch unit, and its values (one, or many for a distribution).</summary>
public sealed record EmbeddedMetric(string Name, string Unit, IReadOnlyList<double> Values);

/// <summary>
/// CloudWatch Embedded Metric Format (the "Specification: Embedded metric format" of the CloudWatch guide), the format
/// Powertools Metrics writes: one JSON object per line whose <c>_aws</c> member holds the <c>Timestamp</c> (epoch
/// milliseconds) and one MetricDirective (<c>Namespace</c>, <c>Dimensions</c> as one dimension set, <c>Metrics</c> with
/// <c>Name</c> and <c>Unit</c>), and whose root holds each dimension's value, each metric's value (a number, or an array
/// of numbers), and any other properties. CloudWatch Logs extracts the metrics from the line.
/// </summary>
public static class EmbeddedMetricFormat
{
    /// <summary>EMF: a MetricDirective's Metrics array MUST NOT hold more than 100 metric definitions.</summary>
    public const int MaxMetricsPerDocument = 100;

    /// <summary>EMF: a metric's value array MUST NOT hold more than 100 values.</summary>
    public const int MaxValuesPerMetric = 100;

    /// <summary>EMF: a dimension set MUST NOT hold more than 30 dimensions.</summary>
    public const int MaxDimensions = 30;

    /// <summary>
    /// The documents (lines, without their newline) that carry <paramref name="metrics"/>: as many as the limits need,
    /// each with every dimension and property. Values that are not finite numbers are left out (EMF accepts only numbers).
    /// </summary>
    public static IReadOnlyList<string> Write(
        string metricNamespace,
        IReadOnlyList<KeyValuePair<string, string>> dimensions,
        IReadOnlyList<EmbeddedMetric> metrics,
        DateTimeOffset timestamp,
        IReadOnlyList<KeyValuePair<string, object?>>? properties = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(metricNamespace);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(metrics);
        if (dimensions.Count > MaxDimensions)
        {
            throw new ArgumentException($"A dimension set holds at most {MaxDimensions} dimensions; {dimensions.Count} were given.", nameof(dimensions));
        }

        // A metric with more values than one array holds goes out in several documents, a chunk in each.
        var chunks = metrics
            .Select(metric => metric with { Values = [.. metric.Values.Where(double.IsFinite)] })
            .Where(metric => metric.Values.Count > 0)
            .SelectMany(metric => metric.Values.Chunk(MaxValuesPerMetric).Select((values, round) => (round, metric: metric with { Values = values })))
            .ToList();
        var documents = new List<string>();
        foreach (var round in chunks.GroupBy(chunk => chunk.round))
        {
            foreach (var batch in round.Select(chunk => chunk.metric).Chunk(MaxMetricsPerDocument))
            {
                documents.Add(Document(metricNamespace, dimensions, batch, timestamp, properties ?? []));
            }
        }
        return documents;
    }

    private static string Document(
        string metricNamespace,
        IReadOnlyList<KeyValuePair<string, string>> dimensions,
        IReadOnlyList<EmbeddedMetric> metrics,
        DateTimeOffset timestamp,
        IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            foreach (var dimension in dimensions)
            {
                json.WriteStringValue(dimension.Key);
            }
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            foreach (var dimension in dimensions)
            {
                json.WriteString(dimension.Key, dimension.Value);
            }
            foreach (var metric in metrics)
            {
                if (metric.Values.Count == 1)
                {
                    json.WriteNumber(metric.Name, metric.Values[0]);
                    continue;
                }
                json.WriteStartArray(metric.Name);
                foreach (var value in metric.Values)
                {
                    json.WriteNumberValue(value);
                }
                json.WriteEndArray();
            }
            foreach (var (name, value) in properties)
            {
                WriteProperty(json, name, value);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case int or long or double or float or decimal:
                json.WriteNumber(name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
