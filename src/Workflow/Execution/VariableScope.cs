using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// Workflow variables (Passing data between states with variables). The top-level states share one
/// scope; each Parallel branch and Map iteration runs in a scope of its own that reads the outer ones
/// (a Distributed Map's iterations do not) and whose own assignments end with it. Values are set when
/// the assigning state exits; the state's expressions all read the values from before.
/// </summary>
internal sealed class VariableScope
{
    private readonly VariableScope? parent;
    private readonly Dictionary<string, JsonNode?> values = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public VariableScope(VariableScope? parent = null) => this.parent = parent;

    public bool TryGet(string name, out JsonNode? value)
    {
        lock (gate)
        {
            if (values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        if (parent is not null)
        {
            return parent.TryGet(name, out value);
        }

        value = null;
        return false;
    }

    /// <summary>Sets the variables of one Assign at once, in this scope.</summary>
    public void Set(JsonObject assignments)
    {
        var materialized = assignments.Select(p => (p.Key, Value: Materialize(p.Value?.DeepClone()))).ToList();
        lock (gate)
        {
            foreach (var (name, value) in materialized)
            {
                values[name] = value;
            }
        }
    }

    /// <summary>Every visible variable (inner scopes hide outer ones), for JSONata's bindings.</summary>
    public Dictionary<string, JsonNode?> Visible()
    {
        var all = parent?.Visible() ?? new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var (name, value) in values)
            {
                all[name] = value;
            }
        }

        return all;
    }

    /// <summary>This scope's own variables as JSON, for the checkpoint; null when there are none.</summary>
    public string? ToJson()
    {
        lock (gate)
        {
            return values.Count == 0
                ? null
                : JsonText.Serialize(new JsonObject(values.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))));
        }
    }

    public static VariableScope FromJson(string? json)
    {
        var scope = new VariableScope();
        if (JsonText.Parse(json) is JsonObject stored)
        {
            scope.Set(stored);
        }

        return scope;
    }

    /// <summary>
    /// JsonNode trees build their children lazily on first read, which is not thread-safe; variables are
    /// read by concurrent branches, so their trees are built once here.
    /// </summary>
    private static JsonNode? Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Materialize(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Materialize(child);
                }

                break;
        }

        return node;
    }
}
