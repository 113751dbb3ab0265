using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Jsonata;

/// <summary>
/// One Jint engine with jsonata.min.js and AWS's functions loaded, and the expressions it has
/// compiled. A Jint engine is not thread-safe: one thread uses it at a time (see <see cref="JsonataEvaluator"/>).
/// </summary>
internal sealed class JsonataEngine : IDisposable
{
    // Expressions come from state machine definitions, so a few hundred cover a process; the cap
    // only keeps a definition that generates expressions from growing the cache without bound.
    private const int MaxCompiledExpressions = 1024;

    // JSONata has no time limit of its own; an expression that loops must not hold a thread forever.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Engine _engine;
    private readonly JsValue _compile;
    private readonly JsValue _evaluate;
    private readonly Dictionary<string, JsValue> _compiled = new(StringComparer.Ordinal);

    public JsonataEngine(Prepared<Script> jsonata, Prepared<Script> stepFunctions, TimeProvider timeProvider, Random random)
    {
        _engine = new Engine(options =>
        {
            options.TimeSystem = new Clock(timeProvider);
            options.TimeZone = TimeZoneInfo.Utc;
            options.Culture = CultureInfo.InvariantCulture;
            options.TimeoutInterval(Timeout);
        });
        _engine.Execute(jsonata);
        _engine.SetValue("stepFunctionsHost", Host(random));
        _engine.Execute(stepFunctions);
        var api = _engine.GetValue("stepFunctionsJsonata");
        _compile = api.Get("compile");
        _evaluate = api.Get("evaluate");
    }

    /// <summary>
    /// Set when an evaluation was cut off; the engine may still hold its pending jobs, so it is not
    /// used again.
    /// </summary>
    public bool Abandoned { get; private set; }

    public JsValue ToJs(JsonNode? json) => JsonJsConversion.ToJs(_engine, json);

    public JsValue Bindings(IReadOnlyDictionary<string, JsonNode?> bindings)
    {
        var target = new JsObject(_engine);
        foreach (var (name, value) in bindings)
        {
            target.FastSetDataProperty(name.StartsWith('$') ? name[1..] : name, ToJs(value));
        }

        return target;
    }

    /// <summary>Null when the expression compiles, else JSONata's "code: message".</summary>
    public string? FindSyntaxError(string expression)
    {
        try
        {
            Compile(expression);
            return null;
        }
        catch (JavaScriptException e)
        {
            return Describe(e.Error);
        }
    }

    public JsonataResult Evaluate(string expression, JsValue input, JsValue bindings)
    {
        try
        {
            var result = _engine.Call(_evaluate, Compile(expression), input, bindings).UnwrapIfPromise();
            if (result.IsUndefined())
            {
                return new JsonataResult(JsonataResultKind.Undefined);
            }

            return JsonJsConversion.TryToJson(result, out var json)
                ? new JsonataResult(JsonataResultKind.Value, json)
                : new JsonataResult(JsonataResultKind.Function);
        }
        catch (JavaScriptException e)
        {
            return new JsonataResult(JsonataResultKind.Error, Error: Describe(e.Error));
        }
        catch (PromiseRejectedException e)
        {
            return new JsonataResult(JsonataResultKind.Error, Error: Describe(e.RejectedValue));
        }
        catch (TimeoutException)
        {
            Abandoned = true;
            return new JsonataResult(JsonataResultKind.Error, Error: $"The evaluation took longer than {Timeout.TotalSeconds} seconds.");
        }
        catch (Exception e) when (e is RecursionDepthOverflowException or InsufficientExecutionStackException)
        {
            Abandoned = true;
            return new JsonataResult(JsonataResultKind.Error, Error: "The evaluation recursed too deeply.");
        }
    }

    public void Dispose() => _engine.Dispose();

    private JsValue Compile(string expression)
    {
        if (_compiled.TryGetValue(expression, out var compiled))
        {
            return compiled;
        }

        compiled = _engine.Call(_compile, expression);
        if (_compiled.Count >= MaxCompiledExpressions)
        {
            _compiled.Clear();
        }

        _compiled[expression] = compiled;
        return compiled;
    }

    // JSONata errors are objects with a code ("T0410") and a message; plain JavaScript errors have a message.
    private static string Describe(JsValue error)
    {
        if (error is not ObjectInstance obj)
        {
            return error.ToString();
        }

        var code = obj.Get("code");
        var message = obj.Get("message");
        var text = message.IsUndefined() ? error.ToString() : message.ToString();
        return code.IsString() ? $"{code.AsString()}: {text}" : text;
    }

    private JsObject Host(Random random)
    {
        var host = new JsObject(_engine);
        host.FastSetDataProperty("hash", Function("hash", args =>
        {
            var digest = Hash.Digest(args[1].ToString(), Encoding.UTF8.GetBytes(args[0].ToString()));
            return digest is null ? JsValue.Null : JsString.Create(Convert.ToHexStringLower(digest));
        }));
        host.FastSetDataProperty("random", Function("random", _ =>
        {
            lock (random)
            {
                return JsNumber.Create(random.NextDouble());
            }
        }));
        host.FastSetDataProperty("randomSeeded", Function("randomSeeded", args =>
            JsNumber.Create(new Random(Seed(args[0].AsNumber())).NextDouble())));
        host.FastSetDataProperty("uuid", Function("uuid", _ =>
        {
            lock (random)
            {
                return JsString.Create(Uuid.Create(random));
            }
        }));
        return host;
    }

    private ClrFunction Function(string name, Func<JsValue[], JsValue> body) =>
        new(_engine, name, (_, args) => body(args));

    private static int Seed(double seed) =>
        seed is >= int.MinValue and <= int.MaxValue && seed == Math.Floor(seed) ? (int)seed : seed.GetHashCode();

    // JSONata's $now() and $millis() read the clock through Jint; this makes that clock the injected one.
    private sealed class Clock(TimeProvider timeProvider) : DefaultTimeSystem(TimeZoneInfo.Utc, CultureInfo.InvariantCulture)
    {
        public override DateTimeOffset GetUtcNow() => timeProvider.GetUtcNow();
    }
}
