using System.Text.Json.Nodes;
using StepOrders.Orders;
using StepOrders.Steps;

namespace StepOrders.Local.Tests.Faults;

/// <summary>
/// A step whose answer is replaced by <c>Order.Transient</c> at <paramref name="rate"/> (drawn from a seeded random
/// source), never more than <paramref name="inARow"/> times in a row for one order: the step ran (as a Lambda whose
/// answer was lost does), and the workflow must run it again without doing its work twice.
/// </summary>
public sealed class TransientFaults(IWorkflowStep step, double rate, int inARow, int seed) : IWorkflowStep
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _row = new(StringComparer.Ordinal);
    private int _injected;

    public string Name => step.Name;

    public int Injected => Volatile.Read(ref _injected);

    public async Task<StepInvocation> InvokeAsync(JsonNode? input, CancellationToken cancellationToken)
    {
        var orderId = (string?)input?["orderId"] ?? "";
        bool fail;
        lock (_row)
        {
            var row = _row.GetValueOrDefault(orderId);
            fail = row < inARow && _random.NextDouble() < rate;
            _row[orderId] = fail ? row + 1 : 0;
        }
        var invocation = await step.InvokeAsync(input, cancellationToken);
        if (!fail)
        {
            return invocation;
        }
        Interlocked.Increment(ref _injected);
        return new StepInvocation(null, new StepError(OrderErrors.Transient, $"Injected fault: {Name}'s answer was lost."));
    }
}
