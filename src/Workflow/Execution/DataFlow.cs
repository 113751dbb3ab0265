using System.Text.Json.Nodes;
using StepOrders.Workflow.Jsonata;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// What a state reads and what it passes on, in either query language. JSONPath (ASL: Input and Output
/// Processing): InputPath, Parameters, ResultSelector, ResultPath, OutputPath, and Assign whose <c>$</c> is the
/// state's result. JSONata (Transforming data with JSONata): Arguments, Output and Assign, whose expressions
/// read <c>$states</c> (input, result, errorOutput, context) and the variables.
/// </summary>
internal sealed class DataFlow(JsonataEvaluator jsonata)
{
    /// <summary>JSONPath: InputPath applied to the raw input (null gives {}); JSONata: the raw input.</summary>
    public static JsonNode? EffectiveInput(Frame frame, State state) => state.QueryLanguage == QueryLanguage.Jsonata
        ? frame.StateInput
        : state.InputPath is { } path ? Select(path, new PathScope(frame.StateInput, frame)) : new JsonObject();

    /// <summary>JSONPath: OutputPath (null gives {}).</summary>
    public static JsonNode? ApplyOutputPath(Frame frame, State state, JsonNode? output) =>
        state.OutputPath is { } path ? Select(path, new PathScope(output, frame)) : new JsonObject();

    /// <summary>
    /// A path that must select something (InputPath, OutputPath, ItemsPath …). What it selects from a
    /// variable or the context object is copied, since the state's data is changed in place later.
    /// </summary>
    public static JsonNode? Select(JsonPath path, PathScope scope)
    {
        var selected = scope.Select(path);
        return path.RootKind == PathRoot.Input ? selected : selected?.DeepClone();
    }

    /// <summary>The JSONata variables of a state: the visible workflow variables and <c>$states</c> (input and context).</summary>
    public static Dictionary<string, JsonNode?> Bindings(Frame frame, IPathContext? context = null)
    {
        var bindings = frame.Variables.Visible();
        bindings["states"] = new JsonObject
        {
            ["input"] = frame.StateInput?.DeepClone(),
            ["context"] = (context ?? frame).ContextObject?.DeepClone(),
        };
        return bindings;
    }

    /// <summary>The bindings once the state has a result (<c>$states.result</c>) or caught an error (<c>$states.errorOutput</c>).</summary>
    public static Dictionary<string, JsonNode?> Bindings(Frame frame, string member, JsonNode? value)
    {
        var bindings = Bindings(frame);
        ((JsonObject)bindings["states"]!)[member] = value?.DeepClone();
        return bindings;
    }

    /// <summary>Evaluates a JSONata field (a value whose "{% %}" strings are expressions) for the ASL field <paramref name="field"/>.</summary>
    public JsonNode? Evaluate(string field, JsonNode? template, IReadOnlyDictionary<string, JsonNode?> bindings)
    {
        try
        {
            return JsonataTemplate.Evaluate(jsonata, field, template, null, bindings);
        }
        catch (QueryEvaluationException e)
        {
            throw StatesErrorException.QueryEvaluation(e.Cause);
        }
    }

    /// <summary>A field that must give a JSON value of one type (Items, Seconds …); a literal is taken as is.</summary>
    public JsonNode? Evaluate(string field, JsonNode? template, IReadOnlyDictionary<string, JsonNode?> bindings, string expectedType)
    {
        var value = Evaluate(field, template, bindings);
        if (template is JsonValue v && v.TryGetValue<string>(out var text) && JsonataTemplate.TryGetExpression(text, out var expression)
            && QueryEvaluationException.TypeName(value) != expectedType)
        {
            throw StatesErrorException.QueryEvaluation(
                QueryEvaluationException.UnexpectedType(expression, field, expectedType, value).Cause);
        }

        return value;
    }

    /// <summary>
    /// The variables a state (or the rule or catcher taken) assigns, evaluated before any is set. JSONPath:
    /// <paramref name="result"/> is <c>$</c>; JSONata: it is <c>$states.result</c> (or the error output).
    /// </summary>
    public JsonObject? Assignments(
        Frame frame, State state, JsonNode? assign, PayloadTemplate? assignTemplate, JsonNode? result,
        IReadOnlyDictionary<string, JsonNode?>? bindings)
    {
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            return assign is null ? null : Evaluate("Assign", assign, bindings ?? Bindings(frame, "result", result)) as JsonObject;
        }

        return assignTemplate?.Build(new PathScope(result, frame)) as JsonObject;
    }

    /// <summary>JSONata: Output when the state has one, else <paramref name="fallback"/>.</summary>
    public JsonNode? Output(PayloadTemplate? output, JsonNode? fallback, IReadOnlyDictionary<string, JsonNode?> bindings) =>
        output is null ? fallback : Evaluate("Output", output.Source, bindings);
}
