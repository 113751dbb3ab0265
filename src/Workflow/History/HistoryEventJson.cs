using System.Text.Json;

namespace StepOrders.Workflow.History;

/// <summary>
/// Writes and reads history events in the JSON shape of the GetExecutionHistory API
/// (<c>timestamp</c> as epoch seconds, <c>type</c>, <c>id</c>, <c>previousEventId</c>, then the
/// <c>…EventDetails</c> object the type calls for). Storage uses the same shape.
/// </summary>
public static class HistoryEventJson
{
    private static readonly string?[] DetailsNames =
        [.. Enumerable.Range(0, Enum.GetValues<HistoryEventType>().Max(t => (int)t) + 1).Select(t => BuildDetailsName((HistoryEventType)t))];

    public static void Write(Utf8JsonWriter writer, HistoryEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        writer.WriteStartObject();
        writer.WriteNumber("timestamp", e.Timestamp.ToUnixTimeMilliseconds() / 1000.0);
        writer.WriteString("type", e.Type.ToString());
        writer.WriteNumber("id", e.Id);
        writer.WriteNumber("previousEventId", e.PreviousEventId);
        if (DetailsName(e.Type) is { } details)
        {
            writer.WriteStartObject(details);
            WriteString(writer, "name", e.Name);
            WriteNumber(writer, "index", e.Index);
            WriteNumber(writer, "length", e.Length);
            WriteString(writer, "resourceType", e.ResourceType);
            WriteString(writer, "resource", e.Resource);
            WriteString(writer, "region", e.Region);
            if (e.ParametersUtf8 is { } parameters)
            {
                writer.WriteString("parameters", parameters);
            }
            else
            {
                WriteString(writer, "parameters", e.Parameters);
            }

            WritePayload(writer, "input", e.InputUtf8, e.InputUtf8 is null ? e.Input : null);
            WritePayload(writer, "output", e.OutputUtf8, e.OutputUtf8 is null ? e.Output : null);
            WriteVariables(writer, e.AssignedVariables);
            WriteString(writer, "roleArn", e.RoleArn);
            WriteNumber(writer, "timeoutInSeconds", e.TimeoutInSeconds);
            WriteNumber(writer, "heartbeatInSeconds", e.HeartbeatInSeconds);
            WriteString(writer, "error", e.Error);
            WriteString(writer, "cause", e.Cause);
            WriteNumber(writer, "redriveCount", e.RedriveCount);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static HistoryEvent Read(JsonElement element)
    {
        var type = Enum.Parse<HistoryEventType>(element.GetProperty("type").GetString()!);
        var millis = (long)Math.Round(element.GetProperty("timestamp").GetDouble() * 1000);
        var result = new HistoryEvent
        {
            Id = element.GetProperty("id").GetInt64(),
            PreviousEventId = element.GetProperty("previousEventId").GetInt64(),
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(millis),
            Type = type,
        };
        if (DetailsName(type) is not { } name || !element.TryGetProperty(name, out var d))
        {
            return result;
        }

        return result with
        {
            Name = Text(d, "name"),
            Index = Int(d, "index"),
            Length = Int(d, "length"),
            ResourceType = Text(d, "resourceType"),
            Resource = Text(d, "resource"),
            Region = Text(d, "region"),
            Parameters = Text(d, "parameters"),
            Input = Text(d, "input"),
            Output = Text(d, "output"),
            RoleArn = Text(d, "roleArn"),
            TimeoutInSeconds = d.TryGetProperty("timeoutInSeconds", out var t) ? t.GetInt64() : null,
            HeartbeatInSeconds = d.TryGetProperty("heartbeatInSeconds", out var h) ? h.GetInt64() : null,
            Error = Text(d, "error"),
            Cause = Text(d, "cause"),
            RedriveCount = Int(d, "redriveCount"),
            AssignedVariables = d.TryGetProperty("assignedVariables", out var assigned) ? Normalized(assigned.GetRawText()) : null,
        };
    }

    /// <summary>The name of the details object for a type, e.g. <c>stateEnteredEventDetails</c>; null when it has none.</summary>
    /// <remarks>Looked up, not built: each event written for storage built its name anew.</remarks>
    public static string? DetailsName(HistoryEventType type) =>
        (int)type >= 0 && (int)type < DetailsNames.Length ? DetailsNames[(int)type] : BuildDetailsName(type);

    private static string? BuildDetailsName(HistoryEventType type)
    {
        var name = type.ToString();
        if (name.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            return "stateEnteredEventDetails";
        }

        if (name.EndsWith("StateExited", StringComparison.Ordinal))
        {
            return "stateExitedEventDetails";
        }

        return type switch
        {
            HistoryEventType.LambdaFunctionStarted or HistoryEventType.ParallelStateStarted
                or HistoryEventType.ParallelStateSucceeded or HistoryEventType.ParallelStateFailed or HistoryEventType.ParallelStateAborted
                or HistoryEventType.MapStateSucceeded or HistoryEventType.MapStateFailed or HistoryEventType.MapStateAborted => null,
            _ => char.ToLowerInvariant(name[0]) + name[1..] + "EventDetails",
        };
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    /// <summary>A payload and its details; its UTF-8 is written as it is (the same JSON string as its text).</summary>
    private static void WritePayload(Utf8JsonWriter writer, string name, byte[]? utf8, string? value)
    {
        if (utf8 is not null)
        {
            writer.WriteString(name, utf8);
        }
        else if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else
        {
            return;
        }

        writer.WriteStartObject(name == "input" ? "inputDetails" : "outputDetails");
        writer.WriteBoolean("truncated", false);
        writer.WriteEndObject();
    }

    /// <summary>stateExitedEventDetails.assignedVariables: each variable's value as JSON text.</summary>
    private static void WriteVariables(Utf8JsonWriter writer, string? assigned)
    {
        if (assigned is null)
        {
            return;
        }

        writer.WriteStartObject("assignedVariables");
        foreach (var property in JsonDocument.Parse(assigned).RootElement.EnumerateObject())
        {
            writer.WriteString(property.Name, property.Value.GetString());
        }

        writer.WriteEndObject();
        writer.WriteStartObject("assignedVariablesDetails");
        writer.WriteBoolean("truncated", false);
        writer.WriteEndObject();
    }

    private static string Normalized(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

    private static string? Text(JsonElement d, string name) => d.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static int? Int(JsonElement d, string name) => d.TryGetProperty(name, out var v) ? v.GetInt32() : null;
}
