using System.Text.Json.Nodes;

namespace StepOrders.Steps;

/// <summary>
/// A workflow step as its hosts see it: JSON in, JSON out or a named error. The local workflow runtime and the
/// Lambda host both call steps through this, so a step's code is the same in both places.
/// </summary>
public interface IWorkflowStep
{
    /// <summary>The function name, as in <c>${NameFunctionArn}</c> in the workflow definition.</summary>
    string Name { get; }

    Task<StepInvocation> InvokeAsync(JsonNode? input, CancellationToken cancellationToken);
}

/// <summary>The JSON a step returned, or its error.</summary>
public sealed record StepInvocation(JsonNode? Output, StepError? Error);
