using Amazon;
using Amazon.Runtime;
using StepOrders.Aws.StepFunctions;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Tests.Sfn;

/// <summary>
/// The Step Functions client the Lambda functions use (src/Aws, SigV4-signed) against the local runtime's
/// <c>/sfn</c>: each side is also tested against AWS's documented shapes, and here against each other, over a socket.
/// </summary>
public sealed class StepFunctionsClientTests(SfnHost host) : IClassFixture<SfnHost>
{
    /// <summary>Fails until the host's flaky function is repaired; then a redrive succeeds.</summary>
    private static readonly string FlakyDefinition = """
        {"StartAt": "Hold", "States": {
          "Hold": {"Type": "Wait", "Seconds": 3600, "Next": "Call"},
          "Call": {"Type": "Task", "Resource": "FLAKY", "End": true}}}
        """.Replace("FLAKY", SfnHost.FlakyFunction, StringComparison.Ordinal);

    private const string FailingDefinition = """
        {"StartAt": "Hold", "States": {
          "Hold": {"Type": "Wait", "Seconds": 3600, "Next": "Decline"},
          "Decline": {"Type": "Fail", "Error": "Order.PaymentDeclined", "Cause": "The card was declined."}}}
        """;

    [Fact]
    public async Task The_order_workflow_starts_describes_and_redrives_an_execution_through_the_sfn_endpoint()
    {
        var (client, machineArn) = await ConnectAsync("ClientFlaky", FlakyDefinition);
        var workflow = new StepFunctionsOrderWorkflow(client, machineArn);

        Assert.Equal(WorkflowStart.Started, await workflow.StartAsync("ord-client-1", new OrderWorkflowInput("ord-client-1"), Timeout()));
        var executionArn = workflow.ExecutionArn("ord-client-1");
        await host.Runtime.WaitForCompletionAsync(executionArn, Timeout());
        Assert.Equal(WorkflowStart.AlreadyStarted, await workflow.StartAsync("ord-client-1", new OrderWorkflowInput("ord-client-1"), Timeout()));
        Assert.Equal(new ExecutionSummary("ord-client-1", "FAILED", executionArn), await workflow.DescribeAsync("ord-client-1", Timeout()));
        Assert.Null(await workflow.DescribeAsync("ord-client-none", Timeout()));

        host.Repair();
        await workflow.RedriveAsync("ord-client-1", Timeout());
        await host.Runtime.WaitForCompletionAsync(executionArn, Timeout());

        Assert.Equal("SUCCEEDED", (await workflow.DescribeAsync("ord-client-1", Timeout()))!.Status);
        await Assert.ThrowsAsync<ExecutionNotRedrivableException>(() => workflow.RedriveAsync("ord-client-1", Timeout()));
    }

    [Fact]
    public async Task The_client_reads_a_failed_execution_its_history_and_the_listing_from_the_sfn_endpoint()
    {
        var (client, machineArn) = await ConnectAsync("ClientFailing", FailingDefinition);
        var started = await client.StartExecutionAsync(new StartExecutionRequest(machineArn, "ord-client-2", """{"orderId":"ord-client-2"}"""), Timeout());
        await host.Runtime.WaitForCompletionAsync(started.ExecutionArn, Timeout());

        var failed = await client.DescribeExecutionAsync(new DescribeExecutionRequest(started.ExecutionArn), Timeout());
        Assert.Equal(("ord-client-2", "FAILED", "Order.PaymentDeclined", "The card was declined.", "REDRIVABLE"),
            (failed.Name, failed.Status, failed.Error, failed.Cause, failed.RedriveStatus));
        Assert.Equal("""{"orderId":"ord-client-2"}""", failed.Input);
        Assert.Equal(started.StartDate, failed.StartDate);

        var history = await client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(started.ExecutionArn), Timeout());
        Assert.Equal(
            ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "FailStateEntered", "ExecutionFailed"],
            history.Events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, history.Events.Count).Select(i => (long)i), history.Events.Select(e => e.Id));
        Assert.Equal("Order.PaymentDeclined", history.Events[4].Details!["executionFailedEventDetails"].GetProperty("error").GetString());

        var newestFirst = await client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(started.ExecutionArn, MaxResults: 2, ReverseOrder: true), Timeout());
        Assert.Equal(["ExecutionFailed", "FailStateEntered"], newestFirst.Events.Select(e => e.Type));
        Assert.NotNull(newestFirst.NextToken);

        var listed = await client.ListExecutionsAsync(new ListExecutionsRequest(machineArn, StatusFilter: "FAILED"), Timeout());
        Assert.Contains(listed.Executions, execution => execution.ExecutionArn == started.ExecutionArn);
        Assert.All(listed.Executions, execution => Assert.Equal("FAILED", execution.Status));
    }

    [Fact]
    public async Task A_request_signed_with_an_unknown_access_key_is_refused_in_the_AWS_error_shape()
    {
        var (_, machineArn) = await ConnectAsync("ClientRefused", FailingDefinition);
        var stranger = StepFunctionsClient.Create(host.Endpoint, new BasicAWSCredentials("so_not-a-key", "unused"), RegionEndpoint.USEast1);

        var refused = await Assert.ThrowsAsync<StepFunctionsException>(() =>
            stranger.StartExecutionAsync(new StartExecutionRequest(machineArn, "ord-client-3"), Timeout()));

        Assert.Equal("UnrecognizedClientException", refused.ErrorCode);
    }

    private async Task<(StepFunctionsClient Client, string MachineArn)> ConnectAsync(string machineName, string definition)
    {
        var machine = await host.Runtime.CreateStateMachineAsync(machineName, definition);
        // The access key id is the credential locally (an admin API key); the secret signs but is not checked.
        var client = StepFunctionsClient.Create(host.Endpoint, new BasicAWSCredentials(await host.AdminKeyAsync(), "unused"), RegionEndpoint.USEast1);
        return (client, machine.StateMachineArn);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
