namespace StepOrders.Workflow.Api;

/// <summary>
/// Machine types: every machine here runs as a STANDARD one (durable, with a history), so EXPRESS is refused
/// rather than reported wrongly; StartSyncExecution still works, on STANDARD machines.
/// </summary>
internal static class StateMachineType
{
    public const string Standard = "STANDARD";
    public const string NotSupported = "StateMachineTypeNotSupported";
    public const string AlreadyExists = "StateMachineAlreadyExists";

    public static void RequireStandard(ApiRequest request)
    {
        if (request.Enum("type", Standard, "EXPRESS") is "EXPRESS")
        {
            throw new WorkflowApiException(NotSupported,
                "EXPRESS state machines are not supported by the embedded runtime; create a STANDARD one (StartSyncExecution works on it).");
        }
    }
}
