using System.Text.Json.Nodes;

namespace StepOrders.Aws.Tests.Metrics;

/// <summary>
/// The rules of the CloudWatch guide's "Specification: Embedded metric format", checked on one line: the root is a JSON
/// object; <c>_aws</c> holds a numeric <c>Timestamp</c> (epoch milliseconds) and <c>CloudWatchMetrics</c>, an array of
/// MetricDirectives, each with a non-empty <c>Namespace</c>, <c>Dimensions</c> (an array of dimension sets, each an
/// array of at most 30 strings) and <c>Metrics</c> (at most 100 MetricDefinitions with a <c>Name</c>, an optional
/// <c>Unit</c> from CloudWatch's units and an optional <c>StorageResolution</c> of 1 or 60); every dimension is a root
/// member with a string value, every metric a root member with a number or an array of at most 100 numbers.
/// </summary>
public static class EmfSchema
{
    private static readonly HashSet<string> Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits",
        "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
        "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
        "Terabits/Second", "Count/Second", "None",
    ];

    public static IReadOnlyList<string> Violations(string line)
    {
        var violations = new List<string>();
        JsonObject root;
        try
        {
            root = JsonNode.Parse(line)!.AsObject();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return [$"not a JSON object: {e.Message}"];
        }
        if (root["_aws"] is not JsonObject aws)
        {
            return ["no _aws object"];
        }
        if (aws["Timestamp"] is not JsonValue timestamp || !timestamp.TryGetValue<long>(out _))
        {
            violations.Add("_aws.Timestamp is not an integer number");
        }
        if (aws["CloudWatchMetrics"] is not JsonArray directives)
        {
            return [.. violations, "_aws.CloudWatchMetrics is not an array"];
        }
        foreach (var directive in directives.OfType<JsonObject>())
        {
            if (directive["Namespace"] is not JsonValue ns || !ns.TryGetValue<string>(out var name) || name.Length is 0 or > 1024)
            {
                violations.Add("a Namespace is missing or not 1 to 1024 characters");
            }
            foreach (var set in directive["Dimensions"] as JsonArray ?? [])
            {
                var dimensions = set as JsonArray ?? [];
                if (dimensions.Count > 30)
                {
                    violations.Add("a dimension set has more than 30 dimensions");
                }
                foreach (var dimension in dimensions.Select(d => (string?)d))
                {
                    if (dimension is null || root[dimension] is not JsonValue value || !value.TryGetValue<string>(out _))
                    {
                        violations.Add($"dimension {dimension} has no string value at the root");
                    }
                }
            }
            var metrics = directive["Metrics"] as JsonArray;
            if (metrics is null || metrics.Count > 100)
            {
                violations.Add("Metrics is missing or holds more than 100 definitions");
            }
            foreach (var metric in (metrics ?? []).OfType<JsonObject>())
            {
                var metricName = (string?)metric["Name"];
                if (string.IsNullOrEmpty(metricName))
                {
                    violations.Add("a metric has no Name");
                    continue;
                }
                if (metric["Unit"] is JsonValue unit && !Units.Contains((string)unit!))
                {
                    violations.Add($"{metricName} has the unit {unit}, not a CloudWatch unit");
                }
                if (metric["StorageResolution"] is JsonValue resolution && (int)resolution is not (1 or 60))
                {
                    violations.Add($"{metricName} has a StorageResolution other than 1 or 60");
                }
                switch (root[metricName])
                {
                    case JsonValue value when value.TryGetValue<double>(out _):
                        break;
                    case JsonArray values when values.Count <= 100 && values.All(v => v is JsonValue n && n.TryGetValue<double>(out _)):
                        break;
                    default:
                        violations.Add($"{metricName} has no number, or array of at most 100 numbers, at the root");
                        break;
                }
            }
        }
        return violations;
    }
}
