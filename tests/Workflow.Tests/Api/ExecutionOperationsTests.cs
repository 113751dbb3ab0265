using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests.Api;

public class ExecutionOperationsTests
{
    private const string Blocking = """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";
    private const string Failing = """{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom", "Cause": "on purpose"}}}""";
    private const string Echo = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "Q"}, "Q": {"Type": "Pass", "End": true}}}""";

    [Fact]
    public async Task StartExecution_is_idempotent_by_name_and_input_and_refuses_other_input()
    {
        await using var api = new ApiCaller(autoAdvance: false);
        await api.CreateAsync("M", Blocking);
        var first = await api.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("M"), ["name"] = "o-1", ["input"] = """{"a":1}""" });
        var again = await api.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("M"), ["name"] = "o-1", ["input"] = """{"a": 1}""" });
        Assert.Equal(ApiCaller.ExecutionArn("M", "o-1"), first.GetProperty("executionArn").GetString());
        Assert.Equal(first.GetProperty("executionArn").GetString(), again.GetProperty("executionArn").GetString());
        Assert.True(first.GetProperty("startDate").ValueKind == JsonValueKind.Number);

        var other = await api.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("M"), ["name"] = "o-1", ["input"] = """{"a":2}""" });
        Assert.Equal("ExecutionAlreadyExists", other.ErrorCode);
        var badInput = await api.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("M"), ["input"] = "{nope" });
        Assert.Equal("InvalidExecutionInput", badInput.ErrorCode);
        var noMachine = await api.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("None") });
        Assert.Equal("StateMachineDoesNotExist", noMachine.ErrorCode);
    }

    [Fact]
    public async Task DescribeExecution_answers_status_payloads_and_redrive_members()
    {
        await using var api = new ApiCaller();
        await api.CreateAsync("M", Echo);
        var execution = await api.CompletedAsync(await api.StartAsync("M", "e", """{"x":1}"""));
        Assert.Equal("SUCCEEDED", execution.GetProperty("status").GetString());
        Assert.Equal("e", execution.GetProperty("name").GetString());
        Assert.Equal(ApiCaller.MachineArn("M"), execution.GetProperty("stateMachineArn").GetString());
        Assert.Equal("""{"x":1}""", execution.GetProperty("input").GetString());
        Assert.Equal("""{"x":1}""", execution.GetProperty("output").GetString());
        Assert.True(execution.GetProperty("outputDetails").GetProperty("included").GetBoolean());
        Assert.Equal(JsonValueKind.Number, execution.GetProperty("stopDate").ValueKind);
        Assert.Equal(0, execution.GetProperty("redriveCount").GetInt32());
        Assert.Equal("NOT_REDRIVABLE", execution.GetProperty("redriveStatus").GetString());

        var metadata = await api.OkAsync("DescribeExecution", new JsonObject
        {
            ["executionArn"] = ApiCaller.ExecutionArn("M", "e"),
            ["includedData"] = "METADATA_ONLY",
        });
        Assert.False(metadata.TryGetProperty("input", out _));
        Assert.False(metadata.GetProperty("inputDetails").GetProperty("included").GetBoolean());
        var missing = await api.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = ApiCaller.ExecutionArn("M", "none") });
        Assert.Equal("ExecutionDoesNotExist", missing.ErrorCode);
        Assert.Equal("com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist", missing.Body.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task StartSyncExecution_answers_when_the_execution_closes()
    {
        await using var api = new ApiCaller();
        await api.CreateAsync("M", Failing);
        var failed = await api.OkAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("M"), ["input"] = "{}" });
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Equal("Boom", failed.GetProperty("error").GetString());
        Assert.Equal("on purpose", failed.GetProperty("cause").GetString());
        Assert.Equal(JsonValueKind.Number, failed.GetProperty("stopDate").ValueKind);

        await api.CreateAsync("Echo", Echo);
        var succeeded = await api.OkAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("Echo"), ["input"] = """{"k":"v"}""" });
        Assert.Equal("SUCCEEDED", succeeded.GetProperty("status").GetString());
        Assert.Equal("""{"k":"v"}""", succeeded.GetProperty("output").GetString());
    }

    [Fact]
    public async Task StopExecution_aborts_a_running_execution_with_its_error_and_cause()
    {
        await using var api = new ApiCaller(autoAdvance: false);
        await api.CreateAsync("M", Blocking);
        var arn = await api.StartAsync("M", "long");
        var stopped = await api.OkAsync("StopExecution", new JsonObject { ["executionArn"] = arn, ["error"] = "Ops.Stop", ["cause"] = "by hand" });
        Assert.Equal(JsonValueKind.Number, stopped.GetProperty("stopDate").ValueKind);
        var execution = await api.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        Assert.Equal(("ABORTED", "Ops.Stop", "by hand"),
            (execution.GetProperty("status").GetString(), execution.GetProperty("error").GetString(), execution.GetProperty("cause").GetString()));
        Assert.Equal("REDRIVABLE", execution.GetProperty("redriveStatus").GetString());
    }

    [Fact]
    public async Task ListExecutions_filters_by_status_and_pages_newest_first()
    {
        await using var api = new ApiCaller();
        await api.CreateAsync("Ok", Echo);
        await api.CreateAsync("Bad", Failing);
        foreach (var name in new[] { "a", "b", "c" })
        {
            await api.CompletedAsync(await api.StartAsync("Ok", name));
            api.Test.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await api.CompletedAsync(await api.StartAsync("Bad", "f"));
        var page = await api.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("Ok"), ["maxResults"] = 2 });
        Assert.Equal(["c", "b"], Names(page));
        var rest = await api.OkAsync("ListExecutions", new JsonObject
        {
            ["stateMachineArn"] = ApiCaller.MachineArn("Ok"),
            ["maxResults"] = 2,
            ["nextToken"] = page.GetProperty("nextToken").GetString(),
        });
        Assert.Equal(["a"], Names(rest));
        Assert.False(rest.TryGetProperty("nextToken", out _));

        var failed = await api.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("Bad"), ["statusFilter"] = "FAILED" });
        var item = Assert.Single(failed.GetProperty("executions").EnumerateArray());
        Assert.Equal("FAILED", item.GetProperty("status").GetString());
        Assert.Equal(ApiCaller.MachineArn("Bad"), item.GetProperty("stateMachineArn").GetString());
        var running = await api.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("Bad"), ["statusFilter"] = "RUNNING" });
        Assert.Empty(running.GetProperty("executions").EnumerateArray());

        var badFilter = await api.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("Bad"), ["statusFilter"] = "DONE" });
        Assert.Equal("ValidationException", badFilter.ErrorCode);
        var badToken = await api.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("Ok"), ["nextToken"] = "x" });
        Assert.Equal("InvalidToken", badToken.ErrorCode);
    }

    [Fact]
    public async Task GetExecutionHistory_pages_in_either_order_with_or_without_payloads()
    {
        await using var api = new ApiCaller();
        await api.CreateAsync("M", Echo);
        var arn = await api.StartAsync("M", "e", """{"secret":1}""");
        await api.CompletedAsync(arn);

        var all = await api.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn });
        Assert.Equal(
            ["ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            all.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        var first = await api.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["maxResults"] = 4 });
        Assert.Equal([1L, 2, 3, 4], Ids(first));
        var second = await api.OkAsync("GetExecutionHistory", new JsonObject
        {
            ["executionArn"] = arn,
            ["maxResults"] = 4,
            ["nextToken"] = first.GetProperty("nextToken").GetString(),
        });
        Assert.Equal([5L, 6], Ids(second));
        var reversed = await api.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["reverseOrder"] = true, ["maxResults"] = 2 });
        Assert.Equal([6L, 5], Ids(reversed));

        var bare = await api.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["includeExecutionData"] = false });
        Assert.DoesNotContain("secret", bare.GetRawText(), StringComparison.Ordinal);
        var missing = await api.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = ApiCaller.ExecutionArn("M", "none") });
        Assert.Equal("ExecutionDoesNotExist", missing.ErrorCode);
    }

    [Fact]
    public async Task RedriveExecution_resumes_a_failed_execution_at_the_failed_state()
    {
        var attempts = 0;
        var handlers = new TaskHandlerRegistry().Register(TestRuntime.Lambda + "Flaky", (input, _, _) =>
            Interlocked.Increment(ref attempts) == 1 ? throw new TaskFailedException("Flaky.Down") : ValueTask.FromResult(input));
        await using var api = new ApiCaller(handlers);
        await api.CreateAsync("M", TestRuntime.Fill("""
            {"StartAt": "Before", "States": {
              "Before": {"Type": "Pass", "Result": {"kept": true}, "Next": "Call"},
              "Call": {"Type": "Task", "Resource": "@0@Flaky", "End": true}}}
            """, TestRuntime.Lambda));
        var arn = await api.StartAsync("M", "e");
        Assert.Equal("FAILED", (await api.CompletedAsync(arn)).GetProperty("status").GetString());

        var redriven = await api.OkAsync("RedriveExecution", new JsonObject { ["executionArn"] = arn, ["clientToken"] = "t-1" });
        Assert.Equal(JsonValueKind.Number, redriven.GetProperty("redriveDate").ValueKind);
        var execution = await api.CompletedAsync(arn);
        Assert.Equal("SUCCEEDED", execution.GetProperty("status").GetString());
        Assert.Equal("""{"kept":true}""", execution.GetProperty("output").GetString());
        Assert.Equal(1, execution.GetProperty("redriveCount").GetInt32());
        Assert.Equal(JsonValueKind.Number, execution.GetProperty("redriveDate").ValueKind);

        var again = await api.CallAsync("RedriveExecution", new JsonObject { ["executionArn"] = arn });
        Assert.Equal("ExecutionNotRedrivable", again.ErrorCode);
        var history = await api.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["reverseOrder"] = true });
        var redrivenEvent = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "ExecutionRedriven");
        Assert.Equal(1, redrivenEvent.GetProperty("executionRedrivenEventDetails").GetProperty("redriveCount").GetInt32());
    }

    private static IEnumerable<string?> Names(JsonElement page) =>
        page.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("name").GetString());

    private static IEnumerable<long> Ids(JsonElement page) =>
        page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64());
}
