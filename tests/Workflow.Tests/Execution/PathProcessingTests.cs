using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Tests.Execution;

/// <summary>Examples from "InputPath, Parameters and ResultSelector" and "Specifying state output using ResultPath".</summary>
public class PathProcessingTests
{
    private const string Greeting = "\"Hello, AWS Step Functions!\"";
    private const string Input = """{"comment": "This is a test of the input and output of a Task state.", "details": "Default example", "who": "AWS Step Functions"}""";

    private static async Task<JsonNode?> OutputOf(string fields, string input, string result = Greeting)
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", TestRuntime.Returns(result));
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "@0@f", @1@ "End": true}}}
            """, TestRuntime.Lambda, fields), input);
        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        return JsonNode.Parse(run.Output!);
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual?.ToJsonString());

    [Fact]
    public async Task InputPath_selects_the_part_of_the_input_the_task_receives()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", TestRuntime.Echo);
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "@0@f", "InputPath": "$.dataset2", "End": true}}}
            """, TestRuntime.Lambda), """{"comment": "Example for InputPath.", "dataset1": {"val1": 1}, "dataset2": {"val1": "a", "val2": "b", "val3": "c"}}""");
        AssertJson("""{"val1": "a", "val2": "b", "val3": "c"}""", JsonNode.Parse(run.Output!));
    }

    [Fact]
    public async Task Parameters_replace_dollar_suffixed_fields_with_the_values_at_their_paths()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", TestRuntime.Echo);
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "@0@f", "End": true,
              "Parameters": {"comment": "Selecting what I care about.", "MyDetails": {"size.$": "$.product.details.size", "exists.$": "$.product.availability", "StaticValue": "foo"}}}}}
            """, TestRuntime.Lambda), """{"product": {"details": {"color": "blue", "size": "small"}, "availability": "in stock", "sku": "2317"}}""");
        AssertJson("""{"comment": "Selecting what I care about.", "MyDetails": {"size": "small", "exists": "in stock", "StaticValue": "foo"}}""",
            JsonNode.Parse(run.Output!));
    }

    [Fact]
    public async Task ResultSelector_builds_the_result_from_the_task_result() =>
        AssertJson("""{"ClusterId": "AKIAIOSFODNN7EXAMPLE", "ResourceType": "elasticmapreduce"}""", await OutputOf(
            """ "ResultSelector": {"ClusterId.$": "$.output.ClusterId", "ResourceType.$": "$.resourceType"}, """,
            "{}", """{"resourceType": "elasticmapreduce", "resource": "createCluster.sync", "output": {"ClusterId": "AKIAIOSFODNN7EXAMPLE"}}"""));

    [Fact]
    public async Task ResultPath_dollar_replaces_the_input_with_the_result() =>
        AssertJson(Greeting, await OutputOf("", Input));

    [Fact]
    public async Task ResultPath_null_discards_the_result_and_keeps_the_input() =>
        AssertJson(Input, await OutputOf("\"ResultPath\": null,", Input));

    [Fact]
    public async Task ResultPath_adds_the_result_to_the_input() =>
        AssertJson("""{"comment": "This is a test of the input and output of a Task state.", "details": "Default example", "who": "AWS Step Functions", "taskresult": "Hello, AWS Step Functions!"}""",
            await OutputOf("\"ResultPath\": \"$.taskresult\",", Input));

    [Fact]
    public async Task ResultPath_creates_the_objects_missing_on_its_way() =>
        AssertJson("""{"who": "x", "strings": {"lambdaresult": "Hello, AWS Step Functions!"}}""",
            await OutputOf("\"ResultPath\": \"$.strings.lambdaresult\",", """{"who": "x"}"""));

    [Fact]
    public async Task OutputPath_selects_the_part_of_the_combined_output_passed_on() =>
        AssertJson(Greeting, await OutputOf("\"ResultPath\": \"$.taskresult\", \"OutputPath\": \"$.taskresult\",", Input));

    [Fact]
    public async Task Null_InputPath_gives_the_task_an_empty_object_and_null_OutputPath_outputs_one()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", TestRuntime.Echo);
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "@0@f", "InputPath": null, "ResultPath": "$.r", "Next": "P"},
             "P": {"Type": "Pass", "OutputPath": null, "End": true}}}
            """, TestRuntime.Lambda), """{"a": 1}""");
        var history = await test.HistoryAsync(run.ExecutionArn);
        Assert.Equal("{}", history.Single(e => e.Type == History.HistoryEventType.LambdaFunctionScheduled).Input);
        Assert.Equal("{}", run.Output);
    }

    [Fact]
    public async Task Context_object_paths_read_the_execution_and_the_state()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"input.$": "$$.Execution.Input", "name.$": "$$.Execution.Name", "state.$": "$$.State.Name"}, "End": true}}}
            """, """{"x": 1}""", name: "order-7");
        AssertJson("""{"input": {"x": 1}, "name": "order-7", "state": "P"}""", JsonNode.Parse(run.Output!));
    }

    [Fact]
    public async Task A_path_that_selects_nothing_fails_with_States_Runtime_naming_the_state_and_event()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"StartAt": "pass", "States": {"pass": {"Type": "Pass", "InputPath": "$.NoSuchInputPath", "End": true}}}""");
        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Equal("States.Runtime", run.Error);
        Assert.Equal("An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']", run.Cause);
    }

    [Fact]
    public async Task A_Parameters_path_that_selects_nothing_fails_with_States_Runtime()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "$.missing"}, "End": true}}}""", """{"a":1}""");
        Assert.Equal("States.Runtime", run.Error);
        Assert.EndsWith("The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{\"a\":1}'", run.Cause);
    }
}
