namespace StepOrders.Workflow;

/// <summary>An API error the caller must handle, carrying AWS's error code (e.g. <c>ExecutionDoesNotExist</c>).</summary>
public class WorkflowApiException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
