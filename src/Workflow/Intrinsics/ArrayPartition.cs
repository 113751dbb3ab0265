using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.ArrayPartition(array, chunkSize): consecutive chunks of chunkSize items; the last may be shorter.</summary>
internal sealed class ArrayPartition : IIntrinsicFunction
{
    public string Name => "States.ArrayPartition";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(2);
        var array = arguments.Array(0);
        var size = arguments.Integer(1);
        if (size <= 0)
        {
            throw arguments.Invalid($"the chunk size must be a positive integer, but was {size}");
        }

        var chunks = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in array)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                chunks.Add(chunk);
            }

            chunk.Add(item?.DeepClone());
        }

        return chunks;
    }
}
