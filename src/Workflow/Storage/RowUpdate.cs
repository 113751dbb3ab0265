namespace StepOrders.Workflow.Storage;

internal static class RowUpdate
{
    /// <summary>The row after an append: new checkpoint and last event id, and the status fields when the status changed.</summary>
    public static ExecutionRow Apply(ExecutionRow row, ExecutionUpdate update) =>
        update.Status is not { } status
        ? row with { LastEventId = update.LastEventId, Checkpoint = update.Checkpoint }
        : row with
        {
            LastEventId = update.LastEventId,
            Checkpoint = update.Checkpoint,
            Status = status,
            Output = update.Output,
            Error = update.Error,
            Cause = update.Cause,
            StopDate = update.StopDate,
            RedriveCount = update.RedriveCount,
            RedriveDate = update.RedriveDate,
        };
}
