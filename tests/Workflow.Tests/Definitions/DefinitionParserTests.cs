using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Tests.Definitions;

public class DefinitionParserTests
{
    private static readonly Dictionary<string, string> OrderFunctions = new[]
    {
        "ValidateOrder", "CheckInventory", "ProcessPayment", "PrepareFulfillment", "CompleteOrder", "MarkOrderFailed", "AwaitRedrive",
    }.ToDictionary(n => n + "FunctionArn", n => TestRuntime.Lambda + n);

    internal static string OrderWorkflowPath =>
        Path.Combine(AppContext.BaseDirectory, "../../../../../statemachine/order-workflow.asl.json");

    private static IReadOnlyList<DefinitionProblem> ProblemsOf(string json) =>
        Assert.Throws<InvalidDefinitionException>(() => StateMachineDefinition.Parse(json)).Problems;

    [Fact]
    public void The_order_workflow_parses_with_its_function_arns_substituted()
    {
        var definition = StateMachineDefinition.Parse(File.ReadAllText(OrderWorkflowPath), OrderFunctions);
        var pay = Assert.IsType<TaskState>(definition["ProcessPayment"]);
        Assert.Equal(TestRuntime.Lambda + "ProcessPayment", pay.Resource);
        Assert.Equal(JitterStrategy.Full, pay.Retry[0].JitterStrategy);
        Assert.Equal(8, pay.Retry[0].MaxDelaySeconds);
        Assert.Equal("MarkOrderFailed", pay.Catch[0].Next);
        Assert.Equal("$.failure", pay.Catch[0].ResultPath!.Text);
        var failed = Assert.IsType<TaskState>(definition["OrderFailed"]);
        Assert.Equal(TestRuntime.Lambda + "AwaitRedrive", failed.Resource);
        Assert.Equal("ValidateOrder", failed.Next);
    }

    [Fact]
    public void A_bad_retrier_field_is_reported_at_its_json_path()
    {
        var problems = ProblemsOf("""
            {"StartAt": "Pay", "States": {"Pay": {"Type": "Task", "Resource": "arn:x", "End": true,
              "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": -1, "BackoffRate": 0.5, "JitterStrategy": "SOME"}]}}}
            """);
        Assert.Contains(problems, p => p.ToString() == "/States/Pay/Retry/0/MaxAttempts: must be a non-negative integer");
        Assert.Contains(problems, p => p.Path == "/States/Pay/Retry/0/BackoffRate");
        Assert.Contains(problems, p => p.Path == "/States/Pay/Retry/0/JitterStrategy");
    }

    [Fact]
    public void States_ALL_must_be_alone_and_last()
    {
        var problems = ProblemsOf("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:x", "End": true,
              "Catch": [{"ErrorEquals": ["States.ALL", "E"], "Next": "T"}, {"ErrorEquals": ["F"], "Next": "T"}]}}}
            """);
        Assert.Contains(problems, p => p.Path == "/States/T/Catch/0/ErrorEquals");
    }

    [Theory]
    [InlineData("""{"StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}}""", "/StartAt")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}""", "/States/A/Next")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "B": {"Type": "Succeed"}}}""", "/States/B")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}""", "/States/A/Next")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Wait", "End": true}}}""", "/States/A/Seconds")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Colour": 1}}}""", "/States/A/Colour")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "InputPath": "a.b"}}}""", "/States/A/InputPath")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "ResultPath": "$.a[*]"}}}""", "/States/A/ResultPath")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Parameters": {"x.$": 3}}}}""", "/States/A/Parameters/x.$")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"Variable": "$.a", "NumericEquals": "1", "Next": "A"}]}}}""", "/States/A/Choices/0/NumericEquals")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:x", "End": true, "TimeoutSeconds": 0}}}""", "/States/A/TimeoutSeconds")]
    [InlineData("""{"StartAt": "A", "States": {"A": {"Type": "Teleport", "End": true}}}""", "/States/A/Type")]
    public void Faults_are_reported_with_the_path_of_the_field(string json, string path) =>
        Assert.Contains(ProblemsOf(json), p => p.Path == path);

    [Fact]
    public void The_exception_carries_the_InvalidDefinition_code() =>
        Assert.Equal("InvalidDefinition", Assert.Throws<InvalidDefinitionException>(() => StateMachineDefinition.Parse("[]")).ErrorCode);

    [Fact]
    public void Substituted_values_are_json_escaped()
    {
        var definition = StateMachineDefinition.Parse(
            """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "${V}", "End": true}}}""",
            new Dictionary<string, string> { ["V"] = "say \"hi\"" });
        Assert.Equal("say \"hi\"", Assert.IsType<PassState>(definition["A"]).Result!.GetValue<string>());
    }
}
