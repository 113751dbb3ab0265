namespace StepOrders.Workflow;

/// <summary>Step Functions ARNs for the configured region and account.</summary>
internal sealed class Arns(string region, string account)
{
    public string StateMachine(string name) => $"arn:aws:states:{region}:{account}:stateMachine:{name}";

    public string Execution(string stateMachineName, string name) =>
        $"arn:aws:states:{region}:{account}:execution:{stateMachineName}:{name}";

    /// <summary>The state machine ARN an execution ARN belongs to, or null when it is not an execution ARN.</summary>
    public static string? StateMachineOf(string executionArn)
    {
        var parts = executionArn.Split(':');
        return parts.Length == 8 && parts[0] == "arn" && parts[2] == "states" && parts[5] == "execution"
            ? string.Join(':', parts[..5]) + ":stateMachine:" + parts[6]
            : null;
    }

    /// <summary>AWS's naming rule: 1–80 characters, no whitespace, brackets, wildcards, punctuation or control characters.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 80
        && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c, StringComparison.Ordinal));
}
