using System.Text.Json.Nodes;
using StepOrders.Local.Telemetry;
using StepOrders.Steps;
using StepOrders.Workflow;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Local.Workflow;

/// <summary>
/// The order workflow as the embedded runtime runs it: <c>statemachine/order-workflow.asl.json</c> (embedded in this
/// assembly) with each <c>${NameFunctionArn}</c> replaced by the Lambda ARN the step would have on AWS, and each
/// step registered as the handler of that ARN. Each task runs under <see cref="TaskTelemetry"/> unless the host's
/// telemetry is off.
/// </summary>
internal sealed class OrderStateMachine(IEnumerable<IWorkflowStep> steps, WorkflowOptions options, TaskTelemetry? telemetry = null)
{
    public const string Name = "StepOrders-OrderWorkflow";
    private const string DefinitionResource = "StepOrders.Local.order-workflow.asl.json";

    private readonly IReadOnlyList<IWorkflowStep> _steps = [.. steps];

    public string FunctionArn(string functionName) =>
        $"arn:aws:lambda:{options.Region}:{options.AccountId}:function:{functionName}";

    public string StateMachineArn => $"arn:aws:states:{options.Region}:{options.AccountId}:stateMachine:{Name}";

    public string ExecutionArn(string executionName) =>
        $"arn:aws:states:{options.Region}:{options.AccountId}:execution:{Name}:{executionName}";

    /// <summary><c>ValidateOrderFunctionArn</c> → <c>arn:aws:lambda:…:function:ValidateOrder</c>, for every step.</summary>
    public IReadOnlyDictionary<string, string> Substitutions() =>
        _steps.ToDictionary(step => step.Name + "FunctionArn", step => FunctionArn(step.Name), StringComparer.Ordinal);

    /// <summary>The shared definition, as the CDK stack deploys it.</summary>
    public static string Definition()
    {
        using var stream = typeof(OrderStateMachine).Assembly.GetManifestResourceStream(DefinitionResource)
            ?? throw new InvalidOperationException($"The workflow definition {DefinitionResource} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Each step as a task handler: its <see cref="StepError"/> becomes the task's named error, for Retry and Catch to match.</summary>
    public TaskHandlerRegistry Handlers()
    {
        var registry = new TaskHandlerRegistry();
        foreach (var step in _steps)
        {
            registry.Register(FunctionArn(step.Name), async (input, context, cancellationToken) =>
            {
                var invocation = telemetry is null
                    ? await step.InvokeAsync(input, cancellationToken)
                    : await telemetry.InvokeAsync(step, input, context, cancellationToken);
                return invocation.Error is { } error
                    ? throw new TaskFailedException(error.Error, error.Cause)
                    : invocation.Output ?? new JsonObject();
            });
        }
        return registry;
    }
}
