using System.Text.Json.Nodes;
using StepOrders.Steps;

namespace StepOrders.Local.Tests.Faults;

/// <summary>
/// A step that does its work and then never answers (a slow call after its last write): it waits until the runtime
/// gives up on it (the Task's TimeoutSeconds) and cancels it.
/// </summary>
public sealed class HangingStep(IWorkflowStep step) : IWorkflowStep
{
    private int _calls;
    private int _cancelled;

    public string Name => step.Name;

    public int Calls => Volatile.Read(ref _calls);

    public int Cancelled => Volatile.Read(ref _cancelled);

    public async Task<StepInvocation> InvokeAsync(JsonNode? input, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await step.InvokeAsync(input, cancellationToken);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }
        throw new InvalidOperationException("A hanging step never returns.");
    }
}
