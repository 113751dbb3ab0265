using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.Definitions;

/// <summary>Reads typed fields from one object of a definition, recording a problem (with its path) for each fault.</summary>
internal sealed class FieldReader(JsonObject source, string at, List<DefinitionProblem> problems)
{
    public JsonObject Source { get; } = source;

    public string At { get; } = at;

    public List<DefinitionProblem> Problems { get; } = problems;

    public bool Has(string name) => Source.ContainsKey(name);

    /// <summary>
    /// A JSONata field as written (Output, Arguments, Items): null when absent, else a template whose Source
    /// may be JSON null (<c>"Output": null</c> outputs null).
    /// </summary>
    public PayloadTemplate? Raw(string name) =>
        Source.TryGetPropertyValue(name, out var node) ? PayloadTemplate.Literal(node?.DeepClone()) : null;

    public void Problem(string field, string message) => Problems.Add(new($"{At}/{field}", message));

    public void OnlyFields(ISet<string> allowed)
    {
        foreach (var (key, _) in Source)
        {
            if (!allowed.Contains(key))
            {
                Problem(key, $"Field '{key}' is not supported");
            }
        }
    }

    public string? String(string name, bool required = false)
    {
        if (!Source.TryGetPropertyValue(name, out var node))
        {
            if (required)
            {
                Problem(name, "is required");
            }

            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            return text;
        }

        Problem(name, "must be a string");
        return null;
    }

    public bool Bool(string name)
    {
        if (!Source.TryGetPropertyValue(name, out var node))
        {
            return false;
        }

        if (node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }

        Problem(name, "must be a boolean");
        return false;
    }

    /// <summary>An integer field; <paramref name="min"/> 1 for "positive", 0 for "non-negative".</summary>
    public long? Integer(string name, long min, long max = 99_999_999)
    {
        if (!Source.TryGetPropertyValue(name, out var node))
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && v.GetValue<JsonElement>().TryGetInt64(out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem(name, min > 0 ? "must be a positive integer" : "must be a non-negative integer");
        return null;
    }

    public double? Number(string name)
    {
        if (!Source.TryGetPropertyValue(name, out var node))
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return v.GetValue<JsonElement>().GetDouble();
        }

        Problem(name, "must be a number");
        return null;
    }

    /// <summary>A path field: absent gives <paramref name="absent"/>, JSON null gives null (ASL: null InputPath etc.).</summary>
    public JsonPath? Path(string name, JsonPath? absent, bool reference = false)
    {
        if (!Source.TryGetPropertyValue(name, out var node))
        {
            return absent;
        }

        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            Problem(name, "must be a string or null");
            return absent;
        }

        if (!JsonPath.TryParse(text, out var path, out var problem))
        {
            Problem(name, problem!);
            return absent;
        }

        if (reference && !path!.IsReference)
        {
            Problem(name, $"'{text}' is not a valid reference path");
        }

        return path;
    }

    public JsonArray? Array(string name, bool required = false)
    {
        if (!Source.TryGetPropertyValue(name, out var node))
        {
            if (required)
            {
                Problem(name, "is required");
            }

            return null;
        }

        if (node is JsonArray array)
        {
            return array;
        }

        Problem(name, "must be an array");
        return null;
    }

    public FieldReader? Object(string name, bool required = false)
    {
        if (!Source.TryGetPropertyValue(name, out var node))
        {
            if (required)
            {
                Problem(name, "is required");
            }

            return null;
        }

        if (node is JsonObject o)
        {
            return new FieldReader(o, $"{At}/{name}", Problems);
        }

        Problem(name, "must be an object");
        return null;
    }

    public FieldReader Child(JsonObject node, string segment) => new(node, $"{At}/{segment}", Problems);
}
