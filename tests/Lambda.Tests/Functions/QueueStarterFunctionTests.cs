using StepOrders.Lambda.Runtime;
using StepOrders.Steps.Tests;

namespace StepOrders.Lambda.Tests.Functions;

public sealed class QueueStarterFunctionTests
{
    private readonly InMemoryShop _shop = new();
    private readonly RecordingWorkflow _workflow = new();

    private static string Record(string messageId, string body, int receiveCount = 1) => $$"""
        {
          "messageId": "{{messageId}}",
          "receiptHandle": "AQEB{{messageId}}",
          "body": {{System.Text.Json.JsonSerializer.Serialize(body)}},
          "attributes": {
            "ApproximateReceiveCount": "{{receiveCount}}",
            "SentTimestamp": "1764061200000",
            "SenderId": "AIDAEXAMPLE",
            "ApproximateFirstReceiveTimestamp": "1764061200100"
          },
          "messageAttributes": {},
          "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
          "eventSource": "aws:sqs",
          "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:orders",
          "awsRegion": "eu-west-1"
        }
        """;

    private static string SqsEvent(params string[] records) => $$"""{"Records":[{{string.Join(",", records)}}]}""";

    [Fact]
    public async Task Each_record_starts_one_execution_named_by_its_order_id()
    {
        var first = _shop.Place().Id.Value;
        var second = _shop.Place().Id.Value;
        await using var lambda = await InProcessLambda.StartAsync("StartOrderWorkflow", _shop, _workflow);

        var reply = await lambda.InvokeAsync(SqsEvent(
            Record("m-1", $$"""{"orderId":"{{first}}"}"""),
            Record("m-2", $$"""{"orderId":"{{second}}","traceParent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}""")));

        Assert.False(reply.IsError);
        Assert.Equal("""{"batchItemFailures":[]}""", reply.Body);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), _workflow.Executions.Keys.Order(StringComparer.Ordinal));
        // The same trace, carried on by the starter's own span (the Lambda host records activities).
        Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c-", _workflow.Executions[second].TraceParent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_messages_come_back_as_batch_item_failures_and_the_rest_are_started()
    {
        var good = _shop.Place().Id.Value;
        await using var lambda = await InProcessLambda.StartAsync("StartOrderWorkflow", _shop, _workflow);

        var reply = await lambda.InvokeAsync(SqsEvent(
            Record("m-bad", "not an order", receiveCount: 3),
            Record("m-good", $$"""{"orderId":"{{good}}"}""")));

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m-bad"}]}""", reply.Body);
        Assert.True(_workflow.Executions.ContainsKey(good));
    }

    [Fact]
    public async Task Messages_whose_start_failed_come_back_to_be_delivered_again()
    {
        _workflow.Unavailable = true;
        var order = _shop.Place().Id.Value;
        await using var lambda = await InProcessLambda.StartAsync("StartOrderWorkflow", _shop, _workflow);

        var reply = await lambda.InvokeAsync(SqsEvent(Record("m-1", $$"""{"orderId":"{{order}}"}""")));

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m-1"}]}""", reply.Body);
    }

    [Theory]
    [InlineData("""{"detail-type":"Scheduled Event"}""")]
    [InlineData("""{"Records":"nope"}""")]
    [InlineData("<xml/>")]
    public async Task An_event_that_is_not_an_SQS_event_is_an_invalid_event_error(string payload)
    {
        await using var lambda = await InProcessLambda.StartAsync("StartOrderWorkflow", _shop, _workflow);

        var reply = await lambda.InvokeAsync(payload);

        Assert.Equal(RuntimeErrors.InvalidEvent, reply.ErrorType);
        Assert.Empty(_workflow.Executions);
    }
}
