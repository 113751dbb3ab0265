namespace StepOrders.Workflow;

/// <summary>How the embedded Step Functions runtime runs.</summary>
public sealed class WorkflowOptions
{
    /// <summary>The SQLite file; null keeps everything in memory (tests, benchmarks).</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// Multiplies Wait and Retry delays (like Step Functions Local's WAIT_TIME_SCALE): 0.01 makes a
    /// 10 s wait take 0.1 s; 0 makes them immediate. Task timeouts are not scaled.
    /// </summary>
    public double TimeScale { get; set; } = 1.0;

    public string Region { get; set; } = "us-east-1";

    public string AccountId { get; set; } = "123456789012";

    /// <summary>How many executions run at once; the others wait in the ready queue.</summary>
    public int MaxConcurrentExecutions { get; set; } = 256;

    /// <summary>
    /// SQLite <c>synchronous=FULL</c> (fsync each commit) instead of the default NORMAL. In WAL mode NORMAL
    /// survives a process crash (kill -9) with every commit; only an OS crash or power loss may drop the
    /// last commits, never corrupt the file. Choose FULL when those last commits matter more than throughput.
    /// </summary>
    public bool SynchronousFull { get; set; }

    /// <summary>
    /// How long a closed execution (SUCCEEDED, FAILED, TIMED_OUT, ABORTED) and its history are kept after its stop date;
    /// <see cref="ExecutionExpiry"/> deletes older ones hourly, and DescribeExecution then answers ExecutionDoesNotExist.
    /// RUNNING executions are never deleted. 90 days, as Step Functions keeps a Standard execution's history. Never less
    /// than the 14-day redrive window, so no execution RedriveExecution could still restart is deleted.
    /// </summary>
    public TimeSpan ExecutionRetention { get; set; } = TimeSpan.FromDays(90);
}
