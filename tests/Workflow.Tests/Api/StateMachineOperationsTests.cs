using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Tests.Api;

public class StateMachineOperationsTests
{
    private const string PassMachine = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";
    private const string OtherMachine = """{"StartAt": "Q", "States": {"Q": {"Type": "Pass", "Result": 1, "End": true}}}""";

    [Fact]
    public async Task CreateStateMachine_answers_the_arn_and_creation_date_in_epoch_seconds()
    {
        await using var api = new ApiCaller();
        var created = await api.CreateAsync("Orders", PassMachine);
        Assert.Equal(ApiCaller.MachineArn("Orders"), created.GetProperty("stateMachineArn").GetString());
        Assert.Equal(api.Test.Clock.GetUtcNow().ToUnixTimeSeconds(), created.GetProperty("creationDate").GetDouble());
    }

    [Fact]
    public async Task CreateStateMachine_is_idempotent_for_the_same_definition_and_refuses_another()
    {
        await using var api = new ApiCaller();
        var first = await api.CreateAsync("Orders", PassMachine);
        var again = await api.CreateAsync("Orders", PassMachine);
        Assert.Equal(first.GetProperty("creationDate").GetDouble(), again.GetProperty("creationDate").GetDouble());
        var other = await api.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "Orders", ["definition"] = OtherMachine, ["roleArn"] = "r" });
        Assert.Equal(400, other.Status);
        Assert.Equal("StateMachineAlreadyExists", other.ErrorCode);
    }

    [Fact]
    public async Task CreateStateMachine_refuses_an_invalid_definition_a_bad_name_and_express_machines()
    {
        await using var api = new ApiCaller();
        var invalid = await api.CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "M",
            ["roleArn"] = "r",
            ["definition"] = """{"StartAt": "Nowhere", "States": {"P": {"Type": "Pass", "End": true}}}""",
        });
        Assert.Equal(("InvalidDefinition", 400), (invalid.ErrorCode, invalid.Status));
        Assert.Equal("com.amazonaws.swf.service.v2.model#InvalidDefinition", invalid.Body.GetProperty("__type").GetString());
        Assert.StartsWith("Invalid State Machine Definition: ", invalid.Message, StringComparison.Ordinal);

        var badName = await api.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "a b", ["roleArn"] = "r", ["definition"] = PassMachine });
        Assert.Equal("InvalidName", badName.ErrorCode);
        var express = await api.CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "E",
            ["roleArn"] = "r",
            ["definition"] = PassMachine,
            ["type"] = "EXPRESS",
        });
        Assert.Equal("StateMachineTypeNotSupported", express.ErrorCode);
    }

    [Fact]
    public async Task DescribeStateMachine_answers_the_definition_status_and_type()
    {
        await using var api = new ApiCaller();
        await api.CreateAsync("Orders", PassMachine);
        var machine = await api.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("Orders") });
        Assert.Equal("Orders", machine.GetProperty("name").GetString());
        Assert.Equal(PassMachine, machine.GetProperty("definition").GetString());
        Assert.Equal("ACTIVE", machine.GetProperty("status").GetString());
        Assert.Equal("STANDARD", machine.GetProperty("type").GetString());
        Assert.StartsWith("arn:aws:iam::123456789012:role/", machine.GetProperty("roleArn").GetString(), StringComparison.Ordinal);

        var missing = await api.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("None") });
        Assert.Equal("StateMachineDoesNotExist", missing.ErrorCode);
        var wrongKind = await api.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = ApiCaller.ExecutionArn("Orders", "x") });
        Assert.Equal("InvalidArn", wrongKind.ErrorCode);
    }

    [Fact]
    public async Task UpdateStateMachine_changes_the_definition_new_executions_run()
    {
        await using var api = new ApiCaller();
        await api.CreateAsync("Orders", PassMachine);
        var updated = await api.OkAsync("UpdateStateMachine", new JsonObject
        {
            ["stateMachineArn"] = ApiCaller.MachineArn("Orders"),
            ["definition"] = OtherMachine,
        });
        Assert.True(updated.GetProperty("updateDate").GetDouble() > 0);
        var execution = await api.CompletedAsync(await api.StartAsync("Orders", "after-update"));
        Assert.Equal("1", execution.GetProperty("output").GetString());

        var nothing = await api.CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = ApiCaller.MachineArn("Orders") });
        Assert.Equal("MissingRequiredParameter", nothing.ErrorCode);
        var missing = await api.CallAsync("UpdateStateMachine", new JsonObject
        {
            ["stateMachineArn"] = ApiCaller.MachineArn("None"),
            ["definition"] = PassMachine,
        });
        Assert.Equal("StateMachineDoesNotExist", missing.ErrorCode);
    }

    [Fact]
    public async Task ListStateMachines_pages_through_machines_by_name()
    {
        await using var api = new ApiCaller();
        foreach (var name in new[] { "C", "A", "B" })
        {
            await api.CreateAsync(name, PassMachine);
        }

        var first = await api.OkAsync("ListStateMachines", new JsonObject { ["maxResults"] = 2 });
        Assert.Equal(["A", "B"], first.GetProperty("stateMachines").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var second = await api.OkAsync("ListStateMachines", new JsonObject { ["maxResults"] = 2, ["nextToken"] = first.GetProperty("nextToken").GetString() });
        var last = Assert.Single(second.GetProperty("stateMachines").EnumerateArray());
        Assert.Equal("C", last.GetProperty("name").GetString());
        Assert.Equal("STANDARD", last.GetProperty("type").GetString());
        Assert.False(second.TryGetProperty("nextToken", out _));
    }
}
