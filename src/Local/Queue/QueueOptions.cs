namespace StepOrders.Local.Queue;

/// <summary>The order queue's redrive policy and how the host polls it (SQS's names and defaults where SQS has them).</summary>
public sealed class QueueOptions
{
    /// <summary>Receives after which a message moves to the dead-letter queue (SQS redrive policy maxReceiveCount).</summary>
    public int MaxReceiveCount { get; set; } = 5;

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one receive waits for a message (SQS WaitTimeSeconds).</summary>
    public TimeSpan WaitTime { get; set; } = TimeSpan.FromSeconds(20);

    public int BatchSize { get; set; } = 10;

    /// <summary>
    /// Receive loops running at once, like the concurrent batches of SQS's Lambda trigger: the starter handles a batch
    /// one message at a time, so more loops start more executions while one waits on its commits.
    /// </summary>
    public int Pollers { get; set; } = 4;

    /// <summary>False leaves messages in the queue (tests of the API alone).</summary>
    public bool PollerEnabled { get; set; } = true;
}
