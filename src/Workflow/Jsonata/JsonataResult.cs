using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Jsonata;

internal enum JsonataResultKind
{
    /// <summary>A JSON value (JSON null included).</summary>
    Value,

    /// <summary>The expression returned nothing, which JSON cannot hold.</summary>
    Undefined,

    /// <summary>The result is or holds a function, which JSON cannot hold either.</summary>
    Function,

    /// <summary>JSONata raised an error; <see cref="JsonataResult.Error"/> is "code: message".</summary>
    Error,
}

/// <summary>What evaluating one expression gave, before the caller decides what is an error.</summary>
internal readonly record struct JsonataResult(JsonataResultKind Kind, JsonNode? Value = null, string? Error = null);
