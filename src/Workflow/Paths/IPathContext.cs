using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Paths;

/// <summary>Where <c>$$</c> (the context object) and <c>$name</c> (variables) paths read from.</summary>
internal interface IPathContext
{
    JsonNode? ContextObject { get; }

    JsonNode? GetVariable(string name);
}
