using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// Reads a JSON number whatever backs it: parsed text (a JsonElement) or a CLR number (values built by
/// JSONata, intrinsic functions or the runtime).
/// </summary>
internal static class JsonNumber
{
    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (!IsNumber(node))
        {
            return false;
        }

        var v = (JsonValue)node!;
        if (v.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetInt64(out value);
        }

        if (v.TryGetValue<long>(out value) || v.TryGetValue(out int i) && (value = i) == i)
        {
            return true;
        }

        var d = Decimal(v);
        if (d == Math.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    public static decimal GetDecimal(JsonNode node)
    {
        var v = (JsonValue)node;
        if (v.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetDecimal(out var d) ? d : (decimal)element.GetDouble();
        }

        return Decimal(v);
    }

    /// <summary>
    /// The number as a double, read from what backs it: a CLR double is taken as it is, not through decimal, which
    /// keeps only 15 significant digits and no magnitude past 7.9e28.
    /// </summary>
    public static double GetDouble(JsonNode node)
    {
        var v = (JsonValue)node;
        if (v.TryGetValue<JsonElement>(out var element))
        {
            return element.GetDouble();
        }

        if (v.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        return v.TryGetValue<decimal>(out var m)
            ? (double)m
            : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static decimal Decimal(JsonValue v)
    {
        if (v.TryGetValue<decimal>(out var d))
        {
            return d;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        var x = v.TryGetValue<double>(out var dd) ? dd : v.TryGetValue<float>(out var f) ? f : double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
        return x is > (double)decimal.MaxValue or < (double)decimal.MinValue ? (decimal)Math.Sign(x) * decimal.MaxValue : (decimal)x;
    }
}
