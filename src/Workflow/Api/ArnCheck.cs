namespace StepOrders.Workflow.Api;

/// <summary>
/// The shape checks AWS makes on ARN members before looking anything up: an ARN of the wrong kind is
/// InvalidArn (<c>Invalid Arn: 'Resource type not valid in this context: execution'</c>), not "does not exist".
/// </summary>
internal static class ArnCheck
{
    public static string StateMachine(ApiRequest request, string member = "stateMachineArn") =>
        Check(request.RequiredString(member), "stateMachine", parts: 7);

    public static string Execution(ApiRequest request, string member = "executionArn") =>
        Check(request.RequiredString(member), "execution", parts: 8);

    private static string Check(string arn, string resourceType, int parts)
    {
        var fields = arn.Split(':');
        if (fields.Length < 6 || fields[0] != "arn" || fields[2] != "states")
        {
            throw new WorkflowApiException(WorkflowErrorCodes.InvalidArn, $"Invalid Arn: 'Invalid ARN prefix: {arn}'");
        }

        if (fields[5] != resourceType)
        {
            throw new WorkflowApiException(WorkflowErrorCodes.InvalidArn, $"Invalid Arn: 'Resource type not valid in this context: {fields[5]}'");
        }

        return fields.Length == parts && fields[^1].Length > 0
            ? arn
            : throw new WorkflowApiException(WorkflowErrorCodes.InvalidArn, $"Invalid Arn: '{arn}'");
    }
}
