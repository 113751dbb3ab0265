using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// States.MathRandom(start, end[, seed]): an integer with start &lt;= n &lt; end, from the context's
/// source of randomness, or from the seed when one is given (same seed, same number).
/// </summary>
internal sealed class MathRandom : IIntrinsicFunction
{
    public string Name => "States.MathRandom";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(2, 3);
        var start = MathAdd.Int32(arguments, 0);
        var end = MathAdd.Int32(arguments, 1);
        if (start >= end)
        {
            throw arguments.Invalid($"the start ({start}) must be less than the end ({end})");
        }

        var random = arguments.Count == 3 ? new Random(MathAdd.Int32(arguments, 2)) : context.Random;
        return JsonValue.Create(random.NextInt64(start, end));
    }
}
