using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// How AWS's Java runtime turns JSON values into text. States.JsonToString writes compact JSON the
/// way Jackson does; States.Format prints arguments with Java's toString, so an object argument
/// reads "{Arg1=1, Arg2=[]}" (recorded against AWS in format_2__exec_hist_resp_7).
/// </summary>
internal static class JavaText
{
    public static string ToJson(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteJson(text, node);
        return text.ToString();
    }

    public static string ToDisplayString(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteDisplay(text, node);
        return text.ToString();
    }

    /// <summary>Integers print as their digits; other numbers as Java's Double.toString does ("1.0E21").</summary>
    public static string Number(JsonValue value)
    {
        var raw = value.ToJsonString();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return raw == "-0" ? "0" : raw;
        }

        return JavaDouble(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static void WriteJson(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var firstMember = true;
                foreach (var (name, member) in obj)
                {
                    if (!firstMember)
                    {
                        text.Append(',');
                    }

                    firstMember = false;
                    WriteJsonString(text, name);
                    text.Append(':');
                    WriteJson(text, member);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    WriteJson(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonValue value:
                WriteScalar(text, value, quoteStrings: true);
                break;
        }
    }

    private static void WriteDisplay(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var firstMember = true;
                foreach (var (name, member) in obj)
                {
                    if (!firstMember)
                    {
                        text.Append(", ");
                    }

                    firstMember = false;
                    text.Append(name).Append('=');
                    WriteDisplay(text, member);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    WriteDisplay(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonValue value:
                WriteScalar(text, value, quoteStrings: false);
                break;
        }
    }

    private static void WriteScalar(StringBuilder text, JsonValue value, bool quoteStrings)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when quoteStrings:
                WriteJsonString(text, value.GetValue<string>());
                break;
            case JsonValueKind.String:
                text.Append(value.GetValue<string>());
                break;
            case JsonValueKind.Number:
                text.Append(Number(value));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    // Jackson escapes quotes, backslashes and control characters only; other text is written as is.
    private static void WriteJsonString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }

    // Java's Double.toString: plain notation for 1e-3 <= |d| < 1e7, otherwise "d.dddE±n", and
    // always at least one digit after the point. The digits are the shortest that round-trip.
    private static string JavaDouble(double d)
    {
        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        var roundTrip = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var pointAt = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = pointAt < 0 ? mantissa : mantissa[..pointAt];
        var digits = (integerDigits + (pointAt < 0 ? string.Empty : mantissa[(pointAt + 1)..])).TrimEnd('0');
        exponent += integerDigits.Length - 1;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leadingZeros..];
        exponent -= leadingZeros;

        var text = new StringBuilder(d < 0 ? "-" : string.Empty);
        var magnitude = Math.Abs(d);
        if (magnitude is >= 1e-3 and < 1e7)
        {
            if (exponent >= 0)
            {
                var whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
                var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
                text.Append(whole).Append('.').Append(fraction);
            }
            else
            {
                text.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
        }
        else
        {
            text.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits[1..] : "0")
                .Append('E').Append(exponent.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
