using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Storage;

/// <summary>Durable (SQLite) or in-memory home of state machines, executions, histories and checkpoints.</summary>
internal interface IExecutionStore : IAsyncDisposable
{
    Task OpenAsync(CancellationToken cancellationToken);

    Task<StateMachineRow> PutStateMachineAsync(StateMachineRow row, CancellationToken cancellationToken);

    Task<StateMachineRow?> GetStateMachineAsync(string arn, CancellationToken cancellationToken);

    Task<IReadOnlyList<StateMachineRow>> ListStateMachinesAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the execution with its first events unless its ARN exists; returns the stored row and whether it was inserted.</summary>
    Task<(ExecutionRow Row, bool Inserted)> InsertExecutionAsync(ExecutionRow row, IReadOnlyList<HistoryEvent> events);

    /// <summary>Queues an append; the task completes once it (and every earlier append) is durable.</summary>
    Task Append(ExecutionUpdate update);

    Task<ExecutionRow?> GetExecutionAsync(string arn, CancellationToken cancellationToken);

    /// <summary>Executions of a machine, newest first, after the execution id <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<ExecutionRow>> ListExecutionsAsync(
        string stateMachineArn, ExecutionStatus? status, long? beforeId, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(long executionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExecutionRow>> GetRunningExecutionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> closed executions stopped before <paramref name="stoppedBefore"/>, with their
    /// history, in one write; returns how many. RUNNING executions are never deleted.
    /// </summary>
    Task<int> DeleteClosedExecutionsAsync(DateTimeOffset stoppedBefore, int limit, CancellationToken cancellationToken);
}
