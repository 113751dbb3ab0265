using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Execution;

/// <summary>JSON text as AWS writes it in histories and outputs: compact, non-ASCII left as is.</summary>
internal static class JsonText
{
    /// <summary>ASL: the payload size quota, 256 KiB of UTF-8.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Options);

    public static JsonNode? Parse(string? text) => string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);

    public static bool ExceedsPayloadLimit(string json) =>
        json.Length > MaxPayloadBytes / 3 && Encoding.UTF8.GetByteCount(json) > MaxPayloadBytes;
}
