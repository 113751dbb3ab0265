using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// States.ArrayRange(first, last, step): first, first + step, ... up to and including last.
/// AWS requires a non-zero step and caps the result at 1000 items.
/// </summary>
internal sealed class ArrayRange : IIntrinsicFunction
{
    private const int MaxItems = 1000;

    public string Name => "States.ArrayRange";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(3);
        var first = arguments.Integer(0);
        var last = arguments.Integer(1);
        var step = arguments.Integer(2);
        if (step == 0)
        {
            throw arguments.Invalid("the step must not be 0");
        }

        var count = (step > 0 && last >= first) || (step < 0 && last <= first)
            ? ((Int128)last - first) / step + 1
            : 0;
        if (count > MaxItems)
        {
            throw arguments.Invalid($"the range would hold {count} items, more than the maximum of {MaxItems}");
        }

        var range = new JsonArray();
        for (var i = 0; i < (int)count; i++)
        {
            range.Add(JsonValue.Create(first + (i * step)));
        }

        return range;
    }
}
