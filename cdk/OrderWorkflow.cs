using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using LogLevel = Amazon.CDK.AWS.StepFunctions.LogLevel;

namespace StepOrders.Cdk;

/// <summary>
/// The order workflow: a Standard state machine whose definition is <c>statemachine/order-workflow.asl.json</c> as
/// it is, each <c>${NameFunctionArn}</c> substituted with the ARN of the declared function of that name. Logs every
/// event to CloudWatch Logs and traces with X-Ray; its role may invoke those functions and nothing else.
/// </summary>
internal sealed partial class OrderWorkflow : Construct
{
    public OrderWorkflow(Construct scope, string id, Stage stage, string definition, IReadOnlyDictionary<string, Function> functions)
        : base(scope, id)
    {
        var called = FunctionsCalledBy(definition);
        var missing = called.Except(functions.Keys).ToList();
        var unused = functions.Keys.Except(called).ToList();
        if (missing.Count > 0 || unused.Count > 0)
        {
            throw new InvalidOperationException(
                $"The workflow definition and the Workflow-triggered functions differ: not declared [{string.Join(", ", missing)}], " +
                $"not in the definition [{string.Join(", ", unused)}].");
        }

        Name = $"{stage.Prefix}-orders";
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("states.amazonaws.com"),
            Description = "The order workflow: invokes its step functions (plus the log delivery and X-Ray writes Step Functions needs).",
        });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["lambda:InvokeFunction"],
            Resources = called.Select(name => functions[name].FunctionArn).ToArray(),
        }));
        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            // Step Functions: Logging — a /aws/vendedlogs/ prefix keeps the log group's resource policy small.
            LogGroupName = $"/aws/vendedlogs/states/{Name}",
            Retention = stage.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        StateMachine = new StateMachine(this, "StateMachine", new StateMachineProps
        {
            StateMachineName = Name,
            StateMachineType = StateMachineType.STANDARD,
            DefinitionBody = DefinitionBody.FromString(definition),
            DefinitionSubstitutions = called.ToDictionary(name => name + "FunctionArn", name => functions[name].FunctionArn),
            Role = role,
            Logs = new LogOptions { Destination = logs, Level = LogLevel.ALL, IncludeExecutionData = true },
            TracingEnabled = true,
        });
        ExecutionArns = Stack.Of(this).FormatArn(new ArnComponents
        {
            Service = "states",
            Resource = "execution",
            ResourceName = Name + ":*",
            ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
        });
    }

    public string Name { get; }

    public StateMachine StateMachine { get; }

    /// <summary>The ARNs of this state machine's executions (<c>…:execution:NAME:*</c>), for Describe and Redrive.</summary>
    public string ExecutionArns { get; }

    /// <summary>The function names in the definition's <c>${NameFunctionArn}</c> substitutions.</summary>
    public static IReadOnlyList<string> FunctionsCalledBy(string definition) =>
        FunctionArnSubstitution().Matches(definition).Select(match => match.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\$\{(\w+)FunctionArn\}")]
    private static partial Regex FunctionArnSubstitution();
}
