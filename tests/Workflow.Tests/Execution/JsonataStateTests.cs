using StepOrders.Workflow.Definitions;

namespace StepOrders.Workflow.Tests.Execution;

/// <summary>QueryLanguage JSONata per machine and per state, after "Transforming data with JSONata in Step Functions".</summary>
public class JsonataStateTests
{
    [Fact]
    public async Task A_task_gets_its_Arguments_and_its_Output_reads_states_result_and_variables()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "Double", (input, _, _) => ValueTask.FromResult<System.Text.Json.Nodes.JsonNode?>(input!["n"]!.GetValue<int>() * 2));
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"QueryLanguage": "JSONata", "StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"offset": 1}, "Next": "Call"},
              "Call": {"Type": "Task", "Resource": "@0@Double", "Arguments": {"n": "{% $states.input.n + $offset %}"},
                       "Output": {"doubled": "{% $states.result %}", "from": "{% $states.input.n %}"}, "End": true}}}
            """, TestRuntime.Lambda), """{"n": 20}""");

        Assert.Equal("""{"doubled":42,"from":20}""", run.Output);
    }

    [Fact]
    public async Task A_JSONata_Choice_follows_the_first_true_Condition()
    {
        await using var test = new TestRuntime();
        const string Machine = """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.total > 100 %}", "Next": "Big", "Output": "big"}],
                    "Default": "Small"},
              "Big": {"Type": "Succeed"}, "Small": {"Type": "Succeed", "Output": "small"}}}
            """;

        Assert.Equal("\"big\"", (await test.RunAsync(Machine, """{"total": 150}""", "a")).Output);
        Assert.Equal("\"small\"", (await test.RunAsync(Machine, """{"total": 5}""", "b")).Output);
    }

    [Fact]
    public async Task An_expression_that_returns_nothing_fails_with_QueryEvaluationError_naming_the_field()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"v": "{% $states.input.missing %}"}, "End": true}}}
            """);

        Assert.Equal("States.QueryEvaluationError", run.Error);
        Assert.Equal(
            "An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression '$states.input.missing' specified for the field 'Output/v' returned nothing (undefined).",
            run.Cause);
    }

    [Fact]
    public async Task A_query_error_can_be_caught_and_the_catcher_Output_reads_the_error_output()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"QueryLanguage": "JSONata", "StartAt": "Go", "States": {
              "Go": {"Type": "Parallel", "Branches": [{"StartAt": "Bad", "States": {"Bad": {"Type": "Pass", "Output": "{% $number('x') %}", "End": true}}}],
                     "Catch": [{"ErrorEquals": ["States.QueryEvaluationError"], "Output": "{% $states.errorOutput.Error %}", "Next": "Done"}], "End": true},
              "Done": {"Type": "Succeed"}}}
            """);

        Assert.Equal("\"States.QueryEvaluationError\"", run.Output);
    }

    [Fact]
    public async Task A_JSONata_state_reads_variables_a_JSONPath_state_assigned_and_passes_its_output_on()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Old", "States": {
              "Old": {"Type": "Pass", "Parameters": {"a.$": "$.a"}, "Assign": {"kept.$": "$.a"}, "Next": "New"},
              "New": {"QueryLanguage": "JSONata", "Type": "Pass", "Output": "{% $states.input.a & '/' & $kept %}", "End": true}}}
            """, """{"a": "x"}""");

        Assert.Equal("\"x/x\"", run.Output);
    }

    [Fact]
    public async Task Wait_and_Fail_fields_take_expressions()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {
              "W": {"Type": "Wait", "Seconds": "{% $states.input.wait %}", "Next": "F"},
              "F": {"Type": "Fail", "Error": "{% 'Order.' & $states.input.kind %}", "Cause": "{% 'waited ' & $string($states.input.wait) %}"}}}
            """, """{"wait": 5, "kind": "Invalid"}""");

        Assert.Equal(("Order.Invalid", "waited 5"), (run.Error, run.Cause));
    }

    [Fact]
    public void A_JSONPath_field_in_a_JSONata_state_is_an_invalid_definition()
    {
        var e = Assert.Throws<InvalidDefinitionException>(() => StateMachineDefinition.Parse("""
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.a", "End": true}}}
            """));

        Assert.Contains(e.Problems, p => p.Path == "/States/P/InputPath");
    }
}
