using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using StepOrders.Workflow.Jsonata;

namespace StepOrders.InterpreterBench;

/// <summary>
/// Prints what a JSONata evaluation costs: the first call (loading jsonata into a new engine), the
/// steady state with compiled expressions, and, in the same run, a naive evaluation that runs a new
/// script per call, so the two are compared within one run.
/// </summary>
internal static class JsonataCost
{
    private static readonly string[] Expressions =
    [
        "$states.input.order.customerId",
        "$sum($states.input.order.items.(quantity * unitPrice))",
        "$states.input.order.items[quantity > 1].sku",
        "{ 'orderId': $states.input.order.orderId, 'total': $sum($states.input.order.items.(quantity * unitPrice)), 'lines': $count($states.input.order.items) }",
    ];

    public static void Print()
    {
        var bindings = Bindings();
        using var evaluator = new JsonataEvaluator(TimeProvider.System, new Random(1));
        using var naiveEngine = NaiveEngine();

        var clock = Stopwatch.StartNew();
        evaluator.Evaluate(Expressions[0], null, bindings);
        Console.WriteLine($"first call (script load, engine, compile): {clock.Elapsed.TotalMilliseconds:F1} ms");

        foreach (var expression in Expressions)
        {
            var compiled = PerCall(() => evaluator.Evaluate(expression, null, bindings), 500);
            var naive = PerCall(() => NaiveEvaluate(naiveEngine, expression, bindings), 200);
            Console.WriteLine($"{compiled,7:F1} µs compiled, {naive,7:F1} µs naive ({naive / compiled:F1}x): {expression}");
        }

        var template = JsonNode.Parse("""
            {
              "orderId": "{% $states.input.order.orderId %}",
              "customer": "{% $states.input.order.customerId %}",
              "total": "{% $sum($states.input.order.items.(quantity * unitPrice)) %}",
              "skus": "{% $states.input.order.items.sku %}",
              "attempt": "{% $attempt + 1 %}"
            }
            """);
        var perTemplate = PerCall(() => JsonataTemplate.Evaluate(evaluator, "Arguments", template, null, bindings), 300);
        Console.WriteLine($"{perTemplate,7:F1} µs for an Arguments template with 5 expressions (input converted once)");
    }

    // Jint's interpreter needs a few thousand calls before the JIT has tiered it up; the first
    // rounds are warm-up, and the best of three rounds is reported.
    private static double PerCall(Action evaluate, int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            evaluate();
        }

        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                evaluate();
            }

            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / iterations);
        }

        return best;
    }

    private static Engine NaiveEngine()
    {
        using var stream = typeof(JsonataEvaluator).Assembly.GetManifestResourceStream("StepOrders.Workflow.Jsonata.jsonata.min.js")!;
        using var reader = new StreamReader(stream);
        var engine = new Engine();
        engine.Execute(reader.ReadToEnd());
        return engine;
    }

    // What the design notes measured first: one Execute of a new script string per evaluation.
    private static JsonNode? NaiveEvaluate(Engine engine, string expression, IReadOnlyDictionary<string, JsonNode?> bindings)
    {
        var script = $"jsonata({JsonSerializer.Serialize(expression)}).evaluate(null, {JsonSerializer.Serialize(bindings)})";
        var result = engine.Evaluate(script).UnwrapIfPromise();
        return JsonNode.Parse(engine.Evaluate("JSON.stringify").Call(result).AsString());
    }

    private static Dictionary<string, JsonNode?> Bindings()
    {
        var items = new JsonArray();
        for (var i = 1; i <= 5; i++)
        {
            items.Add(new JsonObject { ["sku"] = $"SKU-{i}", ["quantity"] = i % 3, ["unitPrice"] = 9.5 * i });
        }

        var input = new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["orderId"] = "ord-123",
                ["customerId"] = "cust-9",
                ["items"] = items,
                ["shippingAddress"] = new JsonObject { ["line1"] = "1 Main St", ["city"] = "Springfield", ["country"] = "US" },
            },
        };
        return new Dictionary<string, JsonNode?>
        {
            ["states"] = new JsonObject
            {
                ["input"] = JsonNode.Parse(input.ToJsonString()),
                ["context"] = JsonNode.Parse("""{ "Execution": { "Id": "arn:aws:states:us-east-1:123456789012:execution:orders:ord-123", "Name": "ord-123" }, "State": { "Name": "Charge", "RetryCount": 0 } }"""),
            },
            ["attempt"] = 1,
        };
    }
}
