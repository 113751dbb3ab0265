using System.Buffers;
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

    /// <summary>A buffer grown past this is dropped after use rather than kept by its thread.</summary>
    private const int KeptBufferBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // What ToJsonString(Options) writes with (its writer options in a release build), without its fresh writer and
    // buffer per call: those were a tenth of an execution's allocations. Per thread, like ArrayPool's caches; a
    // serialization never yields, so nothing else uses them meanwhile.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 64,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public static string Serialize(JsonNode? node) =>
        node is null ? "null" : Write(node, static written => Encoding.UTF8.GetString(written));

    /// <summary>The same text as <see cref="Serialize"/>, as UTF-8: what the history keeps of each state's data.</summary>
    public static byte[] SerializeUtf8(JsonNode? node) =>
        node is null ? "null"u8.ToArray() : Write(node, static written => written.ToArray());

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    private static T Write<T>(JsonNode node, WrittenReader<T> read)
    {
        var written = buffer ??= new ArrayBufferWriter<byte>(1024);
        var json = writer ??= new Utf8JsonWriter(written, WriterOptions);
        try
        {
            node.WriteTo(json, Options);
            json.Flush();
            return read(written.WrittenSpan);
        }
        finally
        {
            if (written.Capacity > KeptBufferBytes)
            {
                buffer = null;
                writer = null;
            }
            else
            {
                written.ResetWrittenCount();
                json.Reset(written);
            }
        }
    }

    public static JsonNode? Parse(string? text) => string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);

    public static JsonNode? Parse(byte[]? utf8) => utf8 is null || utf8.Length == 0 ? null : JsonNode.Parse(utf8);

    public static bool ExceedsPayloadLimit(byte[] utf8) => utf8.Length > MaxPayloadBytes;

    public static bool ExceedsPayloadLimit(string json) =>
        json.Length > MaxPayloadBytes / 3 && Encoding.UTF8.GetByteCount(json) > MaxPayloadBytes;

    private delegate T WrittenReader<out T>(ReadOnlySpan<byte> written);
}
