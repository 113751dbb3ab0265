using System.Text.Json;
using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Tests.Execution;

/// <summary>Assign and <c>$name</c> references, after "Passing data between states with variables".</summary>
public class VariableTests
{
    [Fact]
    public async Task A_variable_is_set_when_its_state_exits_so_the_state_itself_reads_the_old_value()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "One", "States": {
              "One": {"Type": "Pass", "Assign": {"n": 1}, "Next": "Two"},
              "Two": {"Type": "Pass", "Assign": {"n": 2, "before.$": "$n"}, "Next": "Three"},
              "Three": {"Type": "Pass", "Parameters": {"n.$": "$n", "before.$": "$before"}, "End": true}}}
            """);

        Assert.Equal("""{"n":2,"before":1}""", run.Output);
    }

    [Fact]
    public async Task In_a_JSONPath_state_the_dollar_of_Assign_is_the_state_result()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "P", "States": {
              "P": {"Type": "Pass", "Parameters": {"total.$": "$.a"}, "ResultPath": "$.r", "Assign": {"t.$": "$.total", "id.$": "$$.Execution.Name"}, "Next": "Q"},
              "Q": {"Type": "Pass", "Parameters": {"t.$": "$t", "id.$": "$id", "sum.$": "States.MathAdd($t, 1)"}, "End": true}}}
            """, """{"a": 41}""", name: "exec-1");

        Assert.Equal("""{"t":41,"id":"exec-1","sum":42}""", run.Output);
    }

    [Fact]
    public async Task A_Choice_assigns_from_the_rule_taken_or_from_the_state_for_Default()
    {
        await using var test = new TestRuntime();
        const string Machine = """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "NumericEquals": 1, "Assign": {"path": "rule"}, "Next": "Done"}],
                    "Default": "Done", "Assign": {"path": "default"}},
              "Done": {"Type": "Pass", "Parameters": {"path.$": "$path"}, "End": true}}}
            """;

        Assert.Equal("""{"path":"rule"}""", (await test.RunAsync(Machine, """{"x": 1}""", "a")).Output);
        Assert.Equal("""{"path":"default"}""", (await test.RunAsync(Machine, """{"x": 2}""", "b")).Output);
    }

    [Fact]
    public async Task A_catcher_assigns_from_the_error_output()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Go", "States": {
              "Go": {"Type": "Parallel", "Branches": [{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Order.Invalid", "Cause": "no lines"}}}],
                     "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"why.$": "$.Cause"}, "Next": "Report"}], "End": true},
              "Report": {"Type": "Pass", "Parameters": {"why.$": "$why"}, "End": true}}}
            """);

        Assert.Equal("""{"why":"no lines"}""", run.Output);
    }

    [Fact]
    public async Task Branches_read_outer_variables_and_their_own_assignments_stay_inside()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"x": "outer"}, "Next": "Fan"},
              "Fan": {"Type": "Parallel", "Branches": [
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Assign": {"x": "inner"}, "Next": "B"},
                  "B": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}},
                {"StartAt": "C", "States": {"C": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}}], "Next": "After"},
              "After": {"Type": "Pass", "Parameters": {"branches.$": "$", "x.$": "$x"}, "End": true}}}
            """);

        Assert.Equal("""{"branches":[{"x":"inner"},{"x":"outer"}],"x":"outer"}""", run.Output);
    }

    [Fact]
    public async Task A_distributed_Map_iteration_does_not_see_outer_variables()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"x": 1}, "Next": "Map"},
              "Map": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Read", "States": {"Read": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}}, "End": true}}}
            """, "[0]");

        Assert.Equal("States.ExceedToleratedFailureThreshold", run.Error);
    }

    [Fact]
    public async Task An_undefined_variable_fails_with_States_Runtime()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$nothing", "End": true}}}""");

        Assert.Equal("States.Runtime", run.Error);
        Assert.Contains("'$nothing'", run.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_are_kept_when_a_failed_execution_is_redriven()
    {
        await using var test = new TestRuntime();
        var attempts = 0;
        test.Handlers.Register(TestRuntime.Lambda + "f", (input, _, _) =>
            ++attempts == 1 ? throw new Tasks.TaskFailedException("Order.Transient") : ValueTask.FromResult(input));
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"order": "o-1"}, "Next": "Call"},
              "Call": {"Type": "Task", "Resource": "@0@f", "Parameters": {"order.$": "$order"}, "End": true}}}
            """, TestRuntime.Lambda));
        Assert.Equal(ExecutionStatus.Failed, run.Status);

        await test.Runtime.RedriveExecutionAsync(run.ExecutionArn);
        var redriven = await test.Runtime.WaitForCompletionAsync(run.ExecutionArn, TestRuntime.Timeout);

        Assert.Equal((ExecutionStatus.Succeeded, """{"order":"o-1"}"""), (redriven.Status, redriven.Output));
        Assert.Single(await test.HistoryAsync(run.ExecutionArn), e => e.Type == HistoryEventType.ExecutionRedriven);
    }

    [Fact]
    public async Task StateExited_records_the_assigned_variables_as_JSON_text_as_AWS_does()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"id": "o-1", "lines": [1, 2]}, "End": true}}}""");

        var exited = (await test.HistoryAsync(run.ExecutionArn)).Single(e => e.Type == HistoryEventType.PassStateExited);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            HistoryEventJson.Write(writer, exited);
        }

        var details = JsonDocument.Parse(buffer.WrittenMemory).RootElement.GetProperty("stateExitedEventDetails");
        var assigned = details.GetProperty("assignedVariables");
        Assert.Equal(("\"o-1\"", "[1,2]"), (assigned.GetProperty("id").GetString(), assigned.GetProperty("lines").GetString()));
        Assert.False(details.GetProperty("assignedVariablesDetails").GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("\"1st\"")]
    [InlineData("\"states\"")]
    [InlineData("\"a-b.$\"")]
    public void An_Assign_with_an_invalid_variable_name_is_an_invalid_definition(string name)
    {
        var definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Assign\": {" + name + ": \"$\"}, \"End\": true}}}";

        var e = Assert.Throws<InvalidDefinitionException>(() => StateMachineDefinition.Parse(definition));

        Assert.Contains(e.Problems, p => p.Path.StartsWith("/States/P/Assign/", StringComparison.Ordinal));
    }
}
