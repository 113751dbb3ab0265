using System.Globalization;
using System.Text.Json;
using StepOrders.Lambda.Events;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;
using StepOrders.Steps;

namespace StepOrders.Lambda.Functions;

/// <summary>The queue-triggered starter behind an SQS event source mapping: records in, the ids of the messages to deliver again out.</summary>
internal sealed class QueueStarterFunction(StartOrderWorkflow starter) : ILambdaFunction
{
    public async Task<FunctionResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        SqsEvent? sqsEvent;
        try
        {
            sqsEvent = JsonSerializer.Deserialize(invocation.Payload.Span, LambdaJson.Default.SqsEvent);
        }
        catch (JsonException e)
        {
            return new FunctionError(RuntimeErrors.InvalidEvent, $"The event is not an SQS event: {e.Message}");
        }
        if (sqsEvent?.Records is not { } records)
        {
            return new FunctionError(RuntimeErrors.InvalidEvent, "The event has no Records.");
        }

        var failed = await starter.HandleAsync(records.Select(ToQueueMessage).ToList(), cancellationToken);
        var response = new SqsBatchResponse(failed.Select(id => new SqsBatchItemFailure(id)).ToList());
        return FunctionResult.Respond(JsonSerializer.SerializeToUtf8Bytes(response, LambdaJson.Default.SqsBatchResponse));
    }

    private static QueueMessage ToQueueMessage(SqsRecord record)
    {
        var receiveCount = int.TryParse(record.Attributes?.ApproximateReceiveCount, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1;
        var sentAt = long.TryParse(record.Attributes?.SentTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UnixEpoch;
        return new QueueMessage(record.MessageId, record.Body, record.ReceiptHandle, receiveCount, sentAt);
    }
}
