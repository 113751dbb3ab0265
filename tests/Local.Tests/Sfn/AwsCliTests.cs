using System.Text.Json;

namespace StepOrders.Local.Tests.Sfn;

/// <summary>The AWS CLI against the running host: the Step Functions API is the real protocol, SigV4 and all.</summary>
public sealed class AwsCliTests(SfnHost host) : IClassFixture<SfnHost>
{
    private const string MachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:CliFlaky";

    private static readonly string Definition = """
        {"StartAt": "Hold", "States": {
          "Hold": {"Type": "Wait", "Seconds": 3600, "Next": "Stamp"},
          "Stamp": {"Type": "Pass", "Result": "stamped", "ResultPath": "$.stamp", "Next": "Call"},
          "Call": {"Type": "Task", "Resource": "FLAKY", "End": true}}}
        """.Replace("FLAKY", SfnHost.FlakyFunction, StringComparison.Ordinal);

    [AwsCliFact]
    public async Task The_CLI_creates_a_machine_starts_an_execution_reads_its_history_and_redrives_it_once_the_task_is_repaired()
    {
        var cli = new AwsCli(host.Endpoint, await host.AdminKeyAsync());
        var created = (await cli.RunAsync("create-state-machine", "--name", "CliFlaky", "--definition", Definition,
            "--role-arn", "arn:aws:iam::123456789012:role/cli")).Json;
        Assert.Equal(MachineArn, created.GetProperty("stateMachineArn").GetString());

        var started = (await cli.RunAsync("start-execution", "--state-machine-arn", MachineArn, "--name", "order-1",
            "--input", """{"orderId": "order-1"}""")).Json;
        var executionArn = started.GetProperty("executionArn").GetString()!;
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:CliFlaky:order-1", executionArn);

        // An hour's Wait closes at once under --time-scale; the Task then fails and nothing retries it.
        await host.Runtime.WaitForCompletionAsync(executionArn, Timeout());
        var failed = (await cli.RunAsync("describe-execution", "--execution-arn", executionArn)).Json;
        Assert.Equal(("FAILED", "Flaky.Down", "REDRIVABLE"),
            (failed.GetProperty("status").GetString(), failed.GetProperty("error").GetString(), failed.GetProperty("redriveStatus").GetString()));

        var history = (await cli.RunAsync("get-execution-history", "--execution-arn", executionArn)).Json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(
            ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "TaskStateEntered",
             "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed", "ExecutionFailed"],
            history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal("Flaky.Down", history[8].GetProperty("lambdaFunctionFailedEventDetails").GetProperty("error").GetString());
        var newest = (await cli.RunAsync("get-execution-history", "--execution-arn", executionArn, "--reverse-order", "--max-items", "1")).Json;
        Assert.Equal("ExecutionFailed", newest.GetProperty("events")[0].GetProperty("type").GetString());

        host.Repair();
        var redriven = (await cli.RunAsync("redrive-execution", "--execution-arn", executionArn)).Json;
        Assert.Equal(JsonValueKind.Number, redriven.GetProperty("redriveDate").ValueKind);
        await host.Runtime.WaitForCompletionAsync(executionArn, Timeout());

        var succeeded = (await cli.RunAsync("describe-execution", "--execution-arn", executionArn)).Json;
        Assert.Equal(("SUCCEEDED", 1), (succeeded.GetProperty("status").GetString(), succeeded.GetProperty("redriveCount").GetInt32()));
        Assert.Equal("""{"repaired":true,"input":{"orderId":"order-1","stamp":"stamped"}}""", succeeded.GetProperty("output").GetString());
        var afterRedrive = (await cli.RunAsync("get-execution-history", "--execution-arn", executionArn)).Json.GetProperty("events")
            .EnumerateArray().Select(e => e.GetProperty("type").GetString()).Skip(history.Count).ToList();
        Assert.Equal(
            ["ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
             "TaskStateExited", "ExecutionSucceeded"],
            afterRedrive);

        var listed = (await cli.RunAsync("list-executions", "--state-machine-arn", MachineArn, "--status-filter", "SUCCEEDED")).Json;
        Assert.Equal("order-1", Assert.Single(listed.GetProperty("executions").EnumerateArray()).GetProperty("name").GetString());
    }

    [AwsCliFact]
    public async Task The_CLI_tests_a_state_and_validates_a_definition()
    {
        var cli = new AwsCli(host.Endpoint, await host.AdminKeyAsync());
        var tested = (await cli.RunAsync("test-state", "--definition", """{"Type": "Pass", "Parameters": {"id.$": "$.orderId"}, "Next": "Pay"}""",
            "--input", """{"orderId": "o-7"}""", "--role-arn", "arn:aws:iam::123456789012:role/cli", "--inspection-level", "DEBUG")).Json;
        Assert.Equal(("SUCCEEDED", """{"id":"o-7"}""", "Pay"),
            (tested.GetProperty("status").GetString(), tested.GetProperty("output").GetString(), tested.GetProperty("nextState").GetString()));
        Assert.Equal("""{"id":"o-7"}""", tested.GetProperty("inspectionData").GetProperty("afterParameters").GetString());

        var validated = (await cli.RunAsync("validate-state-machine-definition", "--definition",
            """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}""")).Json;
        Assert.Equal("FAIL", validated.GetProperty("result").GetString());
        Assert.Equal("/States/A/Next", validated.GetProperty("diagnostics")[0].GetProperty("location").GetString());
    }

    [AwsCliFact]
    public async Task The_CLI_reports_AWS_errors_by_code()
    {
        var cli = new AwsCli(host.Endpoint, await host.AdminKeyAsync());
        var missing = await cli.RunAsync("describe-execution", "--execution-arn", "arn:aws:states:us-east-1:123456789012:execution:None:x");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("(ExecutionDoesNotExist)", missing.Error, StringComparison.Ordinal);

        var unknownKey = await new AwsCli(host.Endpoint, "so_not-a-key").RunAsync("list-state-machines");
        Assert.Contains("(UnrecognizedClientException)", unknownKey.Error, StringComparison.Ordinal);
        var customerKey = await new AwsCli(host.Endpoint, await host.IssueAsync(admin: false)).RunAsync("list-state-machines");
        Assert.Contains("(AccessDeniedException)", customerKey.Error, StringComparison.Ordinal);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
