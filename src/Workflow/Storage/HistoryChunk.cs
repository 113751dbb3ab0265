using System.Buffers;
using System.Text.Json;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Storage;

/// <summary>A run of history events as one JSON array (AWS's event shape), the unit stored per append.</summary>
internal static class HistoryChunk
{
    public static byte[] Serialize(IReadOnlyList<HistoryEvent> events)
    {
        using var buffer = new PooledBufferWriter(256 * Math.Max(1, events.Count));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var e in events)
            {
                HistoryEventJson.Write(writer, e);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Joins chunks of one execution appended in the same commit: <c>[a,b]</c> + <c>[c]</c> → <c>[a,b,c]</c>.</summary>
    public static byte[] Concat(List<byte[]> chunks)
    {
        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        var buffer = new ArrayBufferWriter<byte>(chunks.Sum(c => c.Length));
        buffer.Write("["u8);
        var first = true;
        foreach (var chunk in chunks)
        {
            var inner = chunk.AsSpan(1, chunk.Length - 2);
            if (inner.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                buffer.Write(","u8);
            }

            buffer.Write(inner);
            first = false;
        }

        buffer.Write("]"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Read(byte[] chunk, List<HistoryEvent> into)
    {
        using var document = JsonDocument.Parse(chunk);
        foreach (var element in document.RootElement.EnumerateArray())
        {
            into.Add(HistoryEventJson.Read(element));
        }
    }
}
