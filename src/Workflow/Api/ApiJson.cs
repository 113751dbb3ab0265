using System.Text.Encodings.Web;
using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>How AWS JSON 1.0 writes members: timestamps as epoch seconds (with milliseconds), absent values left out.</summary>
internal static class ApiJson
{
    /// <summary>The body is JSON for API clients, never HTML: only what JSON requires is escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteTimestamp(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            writer.WriteNumber(name, at.ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    public static void WriteOptional(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>A payload (input or output) with its <c>…Details</c> object, as DescribeExecution returns them.</summary>
    public static void WritePayload(this Utf8JsonWriter writer, string name, string? value, bool included)
    {
        if (included && value is not null)
        {
            writer.WriteString(name, value);
        }

        if (value is not null || !included)
        {
            writer.WriteStartObject(name + "Details");
            writer.WriteBoolean("included", included);
            writer.WriteEndObject();
        }
    }
}
