using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;

namespace StepOrders.Workflow.Jsonata;

/// <summary>
/// Evaluates JSONata expressions for QueryLanguage "JSONata" states with the reference implementation
/// (npm jsonata 2.0.6, the version AWS documents) running in Jint, plus AWS's $partition, $range,
/// $hash, $random, $uuid and $parse; $eval is not available, as on AWS.
/// </summary>
/// <remarks>
/// Thread-safe. Jint engines are not, so this keeps a small pool: at most one engine per core, each
/// created on first need and used by one thread at a time; callers beyond that wait for a free one
/// (evaluation is CPU-bound, so more engines than cores would not finish sooner). Each engine
/// compiles an expression once and keeps it.
/// </remarks>
internal sealed class JsonataEvaluator : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private readonly Lazy<(Prepared<Script> Jsonata, Prepared<Script> StepFunctions)> _scripts = new(LoadScripts);
    private readonly ConcurrentBag<JsonataEngine> _idle = [];
    private readonly SemaphoreSlim _engines = new(Math.Max(2, Environment.ProcessorCount));
    private readonly List<JsonataEngine> _created = [];
    private bool _disposed;

    /// <param name="timeProvider">The clock behind $now() and $millis().</param>
    /// <param name="random">The source behind $random(), $uuid() and $shuffle(); Random.Shared when not given.</param>
    public JsonataEvaluator(TimeProvider timeProvider, Random? random = null)
    {
        _timeProvider = timeProvider;
        _random = random ?? Random.Shared;
    }

    /// <summary>
    /// Evaluates one expression (the text between "{%" and "%}"). <paramref name="input"/> is what
    /// "$" refers to; <paramref name="bindings"/> are the variables, e.g. "states" (input, result,
    /// errorOutput, context) and the workflow variables, named with or without the "$".
    /// <paramref name="field"/> names the ASL field in error causes, as AWS does ("Output/result").
    /// </summary>
    /// <exception cref="QueryEvaluationException">The expression failed, returned nothing, or returned a function.</exception>
    public JsonNode? Evaluate(string expression, JsonNode? input, IReadOnlyDictionary<string, JsonNode?> bindings, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(bindings);
        return Use(engine =>
        {
            var result = engine.Evaluate(expression, engine.ToJs(input), engine.Bindings(bindings));
            return ValueOf(result, expression, field);
        });
    }

    /// <summary>Null when the expression is valid JSONata, else JSONata's "code: message"; for checking definitions.</summary>
    public string? FindSyntaxError(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Use(engine => engine.FindSyntaxError(expression));
    }

    /// <summary>
    /// Runs <paramref name="use"/> with one engine and the input and bindings converted once, so that
    /// a template with many expressions pays for the conversion once.
    /// </summary>
    internal T WithScope<T>(JsonNode? input, IReadOnlyDictionary<string, JsonNode?> bindings, Func<Func<string, string?, JsonNode?>, T> use) =>
        Use(engine =>
        {
            var jsInput = engine.ToJs(input);
            var jsBindings = engine.Bindings(bindings);
            return use((expression, field) => ValueOf(engine.Evaluate(expression, jsInput, jsBindings), expression, field));
        });

    public void Dispose()
    {
        lock (_created)
        {
            _disposed = true;
            foreach (var engine in _created)
            {
                engine.Dispose();
            }

            _created.Clear();
        }

        _engines.Dispose();
    }

    private static JsonNode? ValueOf(JsonataResult result, string expression, string? field) => result.Kind switch
    {
        JsonataResultKind.Value => result.Value,
        JsonataResultKind.Undefined => throw QueryEvaluationException.ReturnedNothing(expression, field),
        JsonataResultKind.Function => throw QueryEvaluationException.UnsupportedResult(expression, field),
        _ => throw QueryEvaluationException.Threw(expression, field, result.Error!),
    };

    private T Use<T>(Func<JsonataEngine, T> use)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _engines.Wait();
        try
        {
            if (!_idle.TryTake(out var engine))
            {
                var scripts = _scripts.Value;
                engine = new JsonataEngine(scripts.Jsonata, scripts.StepFunctions, _timeProvider, _random);
                lock (_created)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    _created.Add(engine);
                }
            }

            var reusable = false;
            try
            {
                var result = use(engine);
                reusable = !engine.Abandoned;
                return result;
            }
            catch (QueryEvaluationException)
            {
                reusable = !engine.Abandoned;
                throw;
            }
            finally
            {
                if (reusable)
                {
                    _idle.Add(engine);
                }
                else
                {
                    Retire(engine);
                }
            }
        }
        finally
        {
            _engines.Release();
        }
    }

    private void Retire(JsonataEngine engine)
    {
        lock (_created)
        {
            _created.Remove(engine);
        }

        engine.Dispose();
    }

    private static (Prepared<Script>, Prepared<Script>) LoadScripts() =>
        (Engine.PrepareScript(Resource("jsonata.min.js"), "jsonata.min.js"),
         Engine.PrepareScript(Resource("StepFunctionsJsonata.js"), "StepFunctionsJsonata.js"));

    private static string Resource(string name)
    {
        using var stream = typeof(JsonataEvaluator).Assembly.GetManifestResourceStream($"StepOrders.Workflow.Jsonata.{name}")
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing; the build installs it with npm ci in src/Workflow/Jsonata.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
