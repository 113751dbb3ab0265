using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests;

public class WorkflowRuntimeTests
{
    private const string Blocking = """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";

    [Fact]
    public async Task Starting_twice_with_the_same_name_and_input_returns_the_running_execution()
    {
        await using var test = new TestRuntime(autoAdvance: false);
        var machine = await test.Runtime.CreateStateMachineAsync("M", Blocking);
        var first = await test.Runtime.StartExecutionAsync(machine.StateMachineArn, "order-1", """{"a": 1}""");
        var second = await test.Runtime.StartExecutionAsync(machine.StateMachineArn, "order-1", """{"a":1}""");
        Assert.True(first.Started);
        Assert.False(second.Started);
        Assert.Equal(first.ExecutionArn, second.ExecutionArn);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:M:order-1", first.ExecutionArn);
        var other = await Assert.ThrowsAsync<WorkflowApiException>(() =>
            test.Runtime.StartExecutionAsync(machine.StateMachineArn, "order-1", """{"a": 2}"""));
        Assert.Equal(WorkflowErrorCodes.ExecutionAlreadyExists, other.ErrorCode);
        Assert.Single((await test.Runtime.ListExecutionsAsync(machine.StateMachineArn)).Executions);
    }

    [Fact]
    public async Task Unknown_machines_executions_and_bad_names_raise_AWS_error_codes()
    {
        await using var test = new TestRuntime();
        Assert.Equal(WorkflowErrorCodes.StateMachineDoesNotExist, (await Assert.ThrowsAsync<WorkflowApiException>(() =>
            test.Runtime.StartExecutionAsync("arn:aws:states:us-east-1:123456789012:stateMachine:None"))).ErrorCode);
        Assert.Equal(WorkflowErrorCodes.ExecutionDoesNotExist, (await Assert.ThrowsAsync<WorkflowApiException>(() =>
            test.Runtime.DescribeExecutionAsync("arn:aws:states:us-east-1:123456789012:execution:M:none"))).ErrorCode);
        var machine = await test.Runtime.CreateStateMachineAsync("M", Blocking);
        Assert.Equal(WorkflowErrorCodes.InvalidName, (await Assert.ThrowsAsync<WorkflowApiException>(() =>
            test.Runtime.StartExecutionAsync(machine.StateMachineArn, "bad name"))).ErrorCode);
    }

    [Fact]
    public async Task A_failed_execution_is_redriven_from_the_failed_state_reusing_earlier_work()
    {
        var calls = new List<string>();
        var paymentWorks = false;
        var handlers = new TaskHandlerRegistry()
            .Register(TestRuntime.Lambda + "Reserve", (_, c, _) => { calls.Add(c.StateName); return ValueTask.FromResult<JsonNode?>("reserved"); })
            .Register(TestRuntime.Lambda + "Pay", (input, c, _) =>
            {
                calls.Add(c.StateName);
                return paymentWorks ? ValueTask.FromResult<JsonNode?>("paid") : throw new TaskFailedException("Order.Transient", "gateway down");
            });
        await using var test = new TestRuntime(handlers);
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "Reserve", "States": {
              "Reserve": {"Type": "Task", "Resource": "@0@Reserve", "ResultPath": "$.reservation", "Next": "Pay"},
              "Pay": {"Type": "Task", "Resource": "@1@Pay", "ResultPath": "$.payment", "End": true}}}
            """, TestRuntime.Lambda, TestRuntime.Lambda), """{"orderId": "o-1"}""");
        Assert.Equal(("Order.Transient", "FAILED"), (run.Error, run.Status.ToAwsName()));
        Assert.Equal("REDRIVABLE", run.RedriveStatus);

        paymentWorks = true;
        await test.Runtime.RedriveExecutionAsync(run.ExecutionArn);
        var redriven = await test.Runtime.WaitForCompletionAsync(run.ExecutionArn, TestRuntime.Timeout);
        Assert.Equal(ExecutionStatus.Succeeded, redriven.Status);
        Assert.Equal(1, redriven.RedriveCount);
        Assert.Equal("""{"orderId":"o-1","reservation":"reserved","payment":"paid"}""", redriven.Output);
        Assert.Equal(["Reserve", "Pay", "Pay"], calls);
        var history = await test.HistoryAsync(run.ExecutionArn);
        var redrive = history.Single(e => e.Type == HistoryEventType.ExecutionRedriven);
        Assert.Equal(1, redrive.RedriveCount);
        Assert.Equal(HistoryEventType.TaskStateEntered, history[(int)redrive.Id].Type);
        Assert.Equal("Pay", history[(int)redrive.Id].Name);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Id));
    }

    [Fact]
    public async Task Only_failed_timed_out_and_aborted_executions_can_be_redriven()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");
        var error = await Assert.ThrowsAsync<WorkflowApiException>(() => test.Runtime.RedriveExecutionAsync(run.ExecutionArn));
        Assert.Equal(WorkflowErrorCodes.ExecutionNotRedrivable, error.ErrorCode);
    }

    [Fact]
    public async Task Stopping_a_running_execution_aborts_it_and_it_can_be_redriven()
    {
        await using var test = new TestRuntime(autoAdvance: false);
        var machine = await test.Runtime.CreateStateMachineAsync("M", Blocking);
        var started = await test.Runtime.StartExecutionAsync(machine.StateMachineArn, "s");
        var stopped = await test.Runtime.StopExecutionAsync(started.ExecutionArn, "Operator", "not needed");
        Assert.Equal((ExecutionStatus.Aborted, "Operator"), (stopped.Status, stopped.Error));
        Assert.Equal(HistoryEventType.ExecutionAborted, (await test.HistoryAsync(started.ExecutionArn))[^1].Type);
        await test.Runtime.RedriveExecutionAsync(started.ExecutionArn);
        Assert.Equal(ExecutionStatus.Running, (await test.Runtime.DescribeExecutionAsync(started.ExecutionArn)).Status);
    }

    [Fact]
    public async Task Executions_and_history_are_paged_and_history_can_be_reversed()
    {
        await using var test = new TestRuntime();
        var machine = await test.Runtime.CreateStateMachineAsync("M", """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");
        for (var i = 0; i < 5; i++)
        {
            var s = await test.Runtime.StartExecutionAsync(machine.StateMachineArn, $"e{i}");
            await test.Runtime.WaitForCompletionAsync(s.ExecutionArn, TestRuntime.Timeout);
        }

        var page1 = await test.Runtime.ListExecutionsAsync(machine.StateMachineArn, ExecutionStatus.Succeeded, maxResults: 3);
        var page2 = await test.Runtime.ListExecutionsAsync(machine.StateMachineArn, ExecutionStatus.Succeeded, 3, page1.NextToken);
        Assert.Equal(["e4", "e3", "e2", "e1", "e0"], page1.Executions.Concat(page2.Executions).Select(e => e.Name));
        Assert.Null(page2.NextToken);
        var arn = page1.Executions[0].ExecutionArn;
        var reversed = await test.Runtime.GetExecutionHistoryAsync(arn, reverseOrder: true, maxResults: 2);
        Assert.Equal([4L, 3L], reversed.Events.Select(e => e.Id));
        var rest = await test.Runtime.GetExecutionHistoryAsync(arn, reverseOrder: true, maxResults: 2, nextToken: reversed.NextToken);
        Assert.Equal([2L, 1L], rest.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task The_closed_event_tells_the_host_when_an_execution_finishes()
    {
        await using var test = new TestRuntime();
        var closed = new TaskCompletionSource<ExecutionDescription>();
        test.Runtime.ExecutionClosed += (_, e) => closed.TrySetResult(e);
        await test.RunAsync("""{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");
        Assert.Equal(ExecutionStatus.Succeeded, (await closed.Task.WaitAsync(TestRuntime.Timeout)).Status);
    }

    [Fact]
    public async Task History_events_serialize_in_the_GetExecutionHistory_shape()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""", """{"a":1}""");
        var entered = (await test.HistoryAsync(run.ExecutionArn))[1];
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            HistoryEventJson.Write(writer, entered);
        }

        var json = JsonNode.Parse(buffer.WrittenSpan)!;
        Assert.Equal("PassStateEntered", json["type"]!.GetValue<string>());
        Assert.Equal(2, json["id"]!.GetValue<long>());
        Assert.Equal(1, json["previousEventId"]!.GetValue<long>());
        var details = json["stateEnteredEventDetails"]!;
        Assert.Equal(("P", """{"a":1}""", false), (details["name"]!.GetValue<string>(), details["input"]!.GetValue<string>(),
            details["inputDetails"]!["truncated"]!.GetValue<bool>()));
    }
}
