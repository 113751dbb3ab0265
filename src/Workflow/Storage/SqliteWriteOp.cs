namespace StepOrders.Workflow.Storage;

/// <summary>A write queued for the next group commit.</summary>
internal abstract record SqliteWriteOp;

internal sealed record AppendOp(ExecutionUpdate Update, byte[] Chunk, long FirstEventId) : SqliteWriteOp;

internal sealed record InsertExecutionOp(ExecutionRow Row, byte[] Chunk, TaskCompletionSource<(ExecutionRow, bool)> Done)
    : SqliteWriteOp;

internal sealed record PutStateMachineOp(StateMachineRow Row, TaskCompletionSource<StateMachineRow> Done) : SqliteWriteOp;

/// <summary>Deletes up to <paramref name="Limit"/> closed executions stopped before the cutoff, with their history.</summary>
internal sealed record DeleteClosedExecutionsOp(long StoppedBeforeMs, int Limit, TaskCompletionSource<int> Done) : SqliteWriteOp;
