namespace StepOrders.Workflow.Tasks;

/// <summary>Recognizes the two Lambda forms of a Task's Resource.</summary>
internal static class LambdaArn
{
    public const string InvokeIntegration = "arn:aws:states:::lambda:invoke";

    /// <summary><c>arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]</c> → NAME; null for anything else.</summary>
    public static string? FunctionName(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length is 7 or 8 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function"
            ? parts[6]
            : null;
    }

    public static bool IsFunction(string resource) => FunctionName(resource) is not null;

    /// <summary>lambda:invoke, with or without <c>.waitForTaskToken</c>-style suffixes.</summary>
    public static bool IsInvokeIntegration(string resource) =>
        resource.StartsWith(InvokeIntegration, StringComparison.Ordinal);
}
