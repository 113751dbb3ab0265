using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace StepOrders.Cdk;

/// <summary>The order queue and its dead-letter queue: a message received maxReceiveCount times without being deleted moves there.</summary>
internal sealed class OrderQueues : Construct
{
    public const int MaxReceiveCount = 5;

    public OrderQueues(Construct scope, string id, Stage stage, int consumerTimeoutSeconds)
        : base(scope, id)
    {
        DeadLetters = new Queue(this, "DeadLetters", new QueueProps
        {
            QueueName = $"{stage.Prefix}-orders-dlq",
            RetentionPeriod = Duration.Days(14),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
        });
        Orders = new Queue(this, "Orders", new QueueProps
        {
            QueueName = $"{stage.Prefix}-orders",
            // Lambda: Using Lambda with Amazon SQS — a visibility timeout of at least six times the function's timeout.
            VisibilityTimeout = Duration.Seconds(6 * consumerTimeoutSeconds),
            RetentionPeriod = Duration.Days(4),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            DeadLetterQueue = new DeadLetterQueue { Queue = DeadLetters, MaxReceiveCount = MaxReceiveCount },
        });
    }

    public Queue Orders { get; }

    public Queue DeadLetters { get; }
}
