namespace StepOrders.Workflow;

/// <summary>The Step Functions API error codes the runtime raises.</summary>
public static class WorkflowErrorCodes
{
    public const string ExecutionDoesNotExist = "ExecutionDoesNotExist";
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";
    public const string ExecutionNotRedrivable = "ExecutionNotRedrivable";
    public const string StateMachineDoesNotExist = "StateMachineDoesNotExist";
    public const string InvalidDefinition = "InvalidDefinition";
    public const string InvalidName = "InvalidName";
    public const string InvalidArn = "InvalidArn";
    public const string InvalidExecutionInput = "InvalidExecutionInput";
    public const string InvalidToken = "InvalidToken";
    public const string ValidationException = "ValidationException";
}
