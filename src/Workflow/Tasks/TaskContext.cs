namespace StepOrders.Workflow.Tasks;

/// <summary>Which execution, state and attempt a handler call is for.</summary>
public sealed record TaskContext(
    string ExecutionArn,
    string ExecutionName,
    string StateMachineArn,
    string StateName,
    string Resource,
    int RetryCount);
