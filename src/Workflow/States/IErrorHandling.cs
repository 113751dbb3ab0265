namespace StepOrders.Workflow.States;

/// <summary>ASL: Error Handling — the states that may retry and catch errors: Task, Parallel and Map.</summary>
public interface IErrorHandling
{
    IReadOnlyList<Retrier> Retry { get; }

    IReadOnlyList<Catcher> Catch { get; }
}
