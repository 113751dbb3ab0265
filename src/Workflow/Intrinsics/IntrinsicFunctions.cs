using System.Collections.Frozen;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// Evaluates ASL intrinsic function calls ("States.Format('Hello {}', $.name)") in JSONPath states.
/// Reference paths among the arguments are resolved by the caller's resolver; failures are
/// <see cref="IntrinsicFailureException"/> (States.Runtime).
/// </summary>
internal static partial class IntrinsicFunctions
{
    private static readonly FrozenDictionary<string, IIntrinsicFunction> Functions = new IIntrinsicFunction[]
    {
        new Format(), new StringToJson(), new JsonToString(), new StatesArray(), new ArrayPartition(),
        new ArrayContains(), new ArrayRange(), new ArrayGetItem(), new ArrayLength(), new ArrayUnique(),
        new Base64Encode(), new Base64Decode(), new Hash(), new JsonMerge(), new MathRandom(), new MathAdd(),
        new StringSplit(), new Uuid(),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>
    /// Evaluates <paramref name="expression"/>. <paramref name="resolvePath"/> turns a reference path
    /// ("$.x", "$$.Execution.Id", "$var.x") into its value or throws.
    /// </summary>
    public static JsonNode? Evaluate(string expression, Func<string, JsonNode?> resolvePath, IntrinsicContext context) =>
        Evaluate(Parse(expression), resolvePath, context);

    /// <summary>Evaluates a call parsed once with <see cref="Parse"/>.</summary>
    public static JsonNode? Evaluate(FunctionCall call, Func<string, JsonNode?> resolvePath, IntrinsicContext context)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(resolvePath);
        ArgumentNullException.ThrowIfNull(context);
        var values = new JsonNode?[call.Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = call.Arguments[i] switch
            {
                FunctionCall nested => Evaluate(nested, resolvePath, context),
                StringLiteral s => JsonValue.Create(s.Value),
                NumberLiteral n => JsonNode.Parse(n.Text),
                BooleanLiteral b => JsonValue.Create(b.Value),
                NullLiteral => null,
                PathArgument p => resolvePath(p.Path)?.DeepClone(),
                var other => throw new InvalidOperationException($"Unknown intrinsic argument {other}."),
            };
        }

        return Functions[call.Name].Invoke(new IntrinsicArguments(call.Name, values, call.Arguments), context);
    }

    /// <summary>
    /// Parses and checks an intrinsic call, including that every function exists; use it to validate
    /// a definition up front. Throws <see cref="IntrinsicSyntaxException"/> saying where the text is wrong.
    /// </summary>
    public static FunctionCall Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var call = IntrinsicParser.Parse(expression);
        CheckNames(expression, call);
        return call;
    }

    /// <summary>Whether a ".$" value is an intrinsic call ("States.Name(...)") rather than a path.</summary>
    public static bool IsIntrinsic(string expression) =>
        expression is not null && CallShape().IsMatch(expression);

    private static void CheckNames(string expression, FunctionCall call)
    {
        if (!Functions.ContainsKey(call.Name))
        {
            throw new IntrinsicSyntaxException(expression, call.Position, $"unknown intrinsic function '{call.Name}'");
        }

        foreach (var nested in call.Arguments.OfType<FunctionCall>())
        {
            CheckNames(expression, nested);
        }
    }

    [GeneratedRegex(@"^\s*States\.[A-Za-z0-9]+\s*\(.*\)\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CallShape();
}
