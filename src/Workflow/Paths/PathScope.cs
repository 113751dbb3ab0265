using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;

namespace StepOrders.Workflow.Paths;

/// <summary>The values a path can read while one state runs: its input, the context object, the variables.</summary>
internal readonly record struct PathScope(JsonNode? Input, IPathContext Context)
{
    public bool TrySelect(JsonPath path, out JsonNode? result, out string? failure)
    {
        var root = path.RootKind switch
        {
            PathRoot.Context => Context.ContextObject,
            PathRoot.Variable => Context.GetVariable(path.Variable!),
            _ => Input,
        };
        return path.TrySelect(root, out result, out failure);
    }

    /// <summary>InputPath and OutputPath: a path that selects nothing fails the execution with States.Runtime.</summary>
    public JsonNode? Select(JsonPath path) =>
        TrySelect(path, out var result, out var failure)
            ? result
            : throw StatesErrorException.Runtime($"Invalid path '{path.Text}' : {failure}");
}
