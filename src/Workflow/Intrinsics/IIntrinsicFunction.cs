using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>One States.* intrinsic function. Implementations are stateless.</summary>
internal interface IIntrinsicFunction
{
    /// <summary>The name as written in ASL, e.g. "States.Format".</summary>
    string Name { get; }

    /// <summary>Checks the arguments and computes the result, or throws <see cref="IntrinsicFailureException"/>.</summary>
    JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context);
}
