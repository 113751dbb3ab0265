using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// The durable position of an execution, stored with each append: the state, the phase inside it, the
/// state's raw input (JSON), the event that entered it, retry counts, the due time of a pending timer and
/// the top-level variables (JSON). Resuming from it re-runs at most the work after the last durable event
/// (at-least-once); a Parallel or Map state in progress is re-run whole.
/// </summary>
internal sealed record Checkpoint(
    string StateName,
    RunPhase Phase,
    [property: JsonConverter(typeof(Utf8TextConverter))] byte[]? StateInput,
    long EnteredEventId,
    DateTimeOffset EnteredTime,
    int[] RetryCounts,
    int RetryCount,
    DateTimeOffset? Due,
    string? Variables = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, CheckpointJson.Default.Checkpoint);

    public static Checkpoint FromJson(string json) =>
        JsonSerializer.Deserialize(json, CheckpointJson.Default.Checkpoint)
        ?? throw new InvalidOperationException("Empty checkpoint");
}

/// <summary>UTF-8 JSON text held as bytes, written as the JSON string it is (as a string property was).</summary>
internal sealed class Utf8TextConverter : JsonConverter<byte[]>
{
    public override byte[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Encoding.UTF8.GetBytes(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

[JsonSerializable(typeof(Checkpoint))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class CheckpointJson : JsonSerializerContext;
