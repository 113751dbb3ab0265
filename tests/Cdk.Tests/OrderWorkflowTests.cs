using System.Text.Json.Nodes;
using StepOrders.Orders;

namespace StepOrders.Cdk.Tests;

[Collection(SynthesizedStacksCollection.Name)]
public sealed class OrderWorkflowTests(SynthesizedStacks stacks)
{
    private JsonNode StateMachine => stacks.Dev.Single("AWS::StepFunctions::StateMachine", _ => true);

    private static IReadOnlyList<string> WorkflowFunctions() =>
        StackSettings.DeclaredFunctions().Where(f => f.Trigger == FunctionTrigger.Workflow).Select(f => f.Name).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_definition_is_the_ASL_file_as_it_is()
    {
        Assert.Equal(SynthesizedStacks.WorkflowDefinition(), (string?)StateMachine["Properties"]!["DefinitionString"]);
    }

    [Fact]
    public void Each_function_ARN_substitution_is_the_ARN_of_the_declared_function_of_that_name()
    {
        var substitutions = StateMachine["Properties"]!["DefinitionSubstitutions"]!.AsObject();
        var inDefinition = OrderWorkflow.FunctionsCalledBy(SynthesizedStacks.WorkflowDefinition());

        Assert.Equal(WorkflowFunctions(), inDefinition);
        Assert.Equal(inDefinition.Select(name => name + "FunctionArn"), substitutions.Select(s => s.Key).Order(StringComparer.Ordinal));
        foreach (var name in inDefinition)
        {
            var arn = substitutions[name + "FunctionArn"]!["Fn::GetAtt"]!;
            Assert.Equal(stacks.Dev.LogicalId(stacks.Dev.Function(name)), (string?)arn[0]);
            Assert.Equal("Arn", (string?)arn[1]);
        }
    }

    [Fact]
    public void It_is_a_Standard_workflow_that_logs_every_event_and_traces_with_X_Ray()
    {
        var properties = StateMachine["Properties"]!;
        var logGroup = stacks.Dev.LogicalId(stacks.Dev.Single("AWS::Logs::LogGroup",
            g => (string?)g["Properties"]!["LogGroupName"] == "/aws/vendedlogs/states/steporders-dev-orders"));

        Assert.Equal("STANDARD", (string?)properties["StateMachineType"]);
        Assert.Equal("steporders-dev-orders", (string?)properties["StateMachineName"]);
        Assert.Equal("ALL", (string?)properties["LoggingConfiguration"]!["Level"]);
        Assert.True((bool)properties["LoggingConfiguration"]!["IncludeExecutionData"]!);
        Assert.Equal(logGroup, (string?)properties["LoggingConfiguration"]!["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]!["Fn::GetAtt"]![0]);
        Assert.True((bool)properties["TracingConfiguration"]!["Enabled"]!);
    }

    [Fact]
    public void Its_role_may_invoke_exactly_the_workflow_s_functions_besides_log_delivery_and_X_Ray()
    {
        var role = StateMachine["Properties"]!["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var policy = stacks.Dev.Single("AWS::IAM::Policy", p => p["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == role));
        var statements = policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!).ToList();

        var invoke = Assert.Single(statements, s => s["Action"] is JsonValue action && (string?)action == "lambda:InvokeFunction");
        Assert.Equal(
            WorkflowFunctions().Select(name => stacks.Dev.LogicalId(stacks.Dev.Function(name))).Order(StringComparer.Ordinal),
            invoke["Resource"]!.AsArray().Select(r => r!["Fn::GetAtt"]![0]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var others = statements.Where(s => s != invoke).SelectMany(s => s["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.All(others, action => Assert.True(
            action.StartsWith("logs:", StringComparison.Ordinal) && action.Contains("LogDeliver", StringComparison.Ordinal)
            || action is "logs:PutResourcePolicy" or "logs:DescribeResourcePolicies" or "logs:DescribeLogGroups"
            || action.StartsWith("xray:", StringComparison.Ordinal),
            action));
    }

    [Fact]
    public void A_definition_that_calls_an_undeclared_function_does_not_synthesize()
    {
        var definition = SynthesizedStacks.WorkflowDefinition().Replace("${CompleteOrderFunctionArn}", "${ShipByDroneFunctionArn}", StringComparison.Ordinal);
        var settings = new StackSettings(Stage.Dev, stacks.LambdaCode, definition, StackSettings.DeclaredFunctions());

        var error = Assert.Throws<InvalidOperationException>(() => new OrderStack(new Amazon.CDK.App(), "Broken", settings));

        Assert.Contains("not declared [ShipByDrone]", error.Message, StringComparison.Ordinal);
        Assert.Contains("not in the definition [CompleteOrder]", error.Message, StringComparison.Ordinal);
    }
}
