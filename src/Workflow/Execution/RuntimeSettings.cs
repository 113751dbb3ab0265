namespace StepOrders.Workflow.Execution;

/// <summary>What the interpreter needs from the options, resolved once.</summary>
internal sealed record RuntimeSettings(string Region, string AccountId, double TimeScale);
