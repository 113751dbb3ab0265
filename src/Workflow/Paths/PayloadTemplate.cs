using System.Text.Json.Nodes;
using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.Execution;

namespace StepOrders.Workflow.Paths;

/// <summary>
/// ASL: Payload Template (Parameters, ResultSelector, ItemSelector). Fields whose name ends in <c>.$</c> take
/// the value of a path (or an intrinsic function) and lose the suffix; everything else is copied.
/// Compiled once per definition; each Build makes a fresh tree the execution owns.
/// </summary>
public sealed class PayloadTemplate
{
    private readonly TemplateNode root;

    private PayloadTemplate(JsonNode? source, TemplateNode root)
    {
        Source = source;
        this.root = root;
    }

    /// <summary>The template as written in the definition.</summary>
    public JsonNode? Source { get; }

    internal static PayloadTemplate Compile(JsonNode? source, string at, List<DefinitionProblem> problems) =>
        new(source, CompileNode(source, at, problems));

    /// <summary>A template kept as written (JSONata states, whose "{% %}" strings are evaluated by the caller).</summary>
    internal static PayloadTemplate Literal(JsonNode? source) => new(source, new LiteralNode(source));

    internal JsonNode? Build(PathScope scope) => root.Build(scope);

    private static TemplateNode CompileNode(JsonNode? node, string at, List<DefinitionProblem> problems)
    {
        if (!HasDynamicField(node))
        {
            return new LiteralNode(node);
        }

        if (node is JsonArray array)
        {
            return new ArrayNode([.. array.Select((item, i) => CompileNode(item, $"{at}/{i}", problems))]);
        }

        var fields = new List<(string, TemplateNode)>();
        foreach (var (key, value) in (JsonObject)node!)
        {
            var fieldAt = $"{at}/{key}";
            if (!key.EndsWith(".$", StringComparison.Ordinal))
            {
                fields.Add((key, CompileNode(value, fieldAt, problems)));
                continue;
            }

            var name = key[..^2];
            if (value is not JsonValue v || !v.TryGetValue<string>(out var expression))
            {
                problems.Add(new(fieldAt, $"The value for the field '{key}' must be a STRING that contains a JSONPath or an intrinsic function"));
                continue;
            }

            if (IntrinsicCall.IsIntrinsic(expression))
            {
                if (IntrinsicCall.Validate(expression) is { } problem)
                {
                    problems.Add(new(fieldAt, problem));
                }

                fields.Add((name, new IntrinsicNode(expression)));
            }
            else if (JsonPath.TryParse(expression, out var path, out _))
            {
                fields.Add((name, new PathNode(key, path!)));
            }
            else
            {
                problems.Add(new(fieldAt, $"The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call"));
            }
        }

        return new ObjectNode([.. fields]);
    }

    private static bool HasDynamicField(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => p.Key.EndsWith(".$", StringComparison.Ordinal) || HasDynamicField(p.Value)),
        JsonArray a => a.Any(HasDynamicField),
        _ => false,
    };

    private abstract class TemplateNode
    {
        public abstract JsonNode? Build(PathScope scope);
    }

    private sealed class LiteralNode(JsonNode? value) : TemplateNode
    {
        public override JsonNode? Build(PathScope scope) => value?.DeepClone();
    }

    private sealed class ArrayNode(TemplateNode[] items) : TemplateNode
    {
        public override JsonNode? Build(PathScope scope)
        {
            var array = new JsonArray();
            foreach (var item in items)
            {
                array.Add(item.Build(scope));
            }

            return array;
        }
    }

    private sealed class ObjectNode((string Name, TemplateNode Value)[] fields) : TemplateNode
    {
        public override JsonNode? Build(PathScope scope)
        {
            var result = new JsonObject();
            foreach (var (name, value) in fields)
            {
                result[name] = value.Build(scope);
            }

            return result;
        }
    }

    private sealed class PathNode(string field, JsonPath path) : TemplateNode
    {
        public override JsonNode? Build(PathScope scope)
        {
            if (scope.TrySelect(path, out var value, out _))
            {
                return value is null || value.Parent is null && !path.IsDefinite ? value : value.DeepClone();
            }

            var input = path.RootKind == PathRoot.Context ? scope.Context.ContextObject : scope.Input;
            throw StatesErrorException.Runtime(
                $"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{input?.ToJsonString() ?? "null"}'");
        }
    }

    private sealed class IntrinsicNode(string expression) : TemplateNode
    {
        public override JsonNode? Build(PathScope scope) => IntrinsicCall.Evaluate(expression, scope);
    }
}
