using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.UUID(): a version 4 UUID drawn from the context's source of randomness.</summary>
internal sealed class Uuid : IIntrinsicFunction
{
    public string Name => "States.UUID";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(0);
        return JsonValue.Create(Create(context.Random));
    }

    /// <summary>A version 4 UUID from the given source (also used by JSONata's $uuid).</summary>
    public static string Create(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // RFC 9562: version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562: variant 10
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
