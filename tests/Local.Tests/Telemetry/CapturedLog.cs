using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary>
/// Every line the host logs, written by the host's own JSON console formatter with the host's scopes, as the console
/// would show it (the console itself is one stream shared by every host in the test process).
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private ConsoleFormatter? _formatter;
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<string> Text => [.. _lines];

    public IReadOnlyList<JsonObject> Lines => [.. _lines.Select(line => JsonNode.Parse(line)!.AsObject())];

    public CapturedLog Attach(IEnumerable<ConsoleFormatter> formatters)
    {
        _formatter = formatters.Single(formatter => formatter.Name == ConsoleFormatterNames.Json);
        return this;
    }

    /// <summary>A field of the line: at its root, in one of its Scopes (the innermost), or in its State.</summary>
    public static string? Field(JsonObject line, string name)
    {
        if (line[name] is JsonValue root)
        {
            return root.ToString();
        }
        if ((line["Scopes"] as JsonArray ?? []).OfType<JsonObject>().Select(scope => scope[name]).OfType<JsonValue>().LastOrDefault() is { } scoped)
        {
            return scoped.ToString();
        }
        return line["State"] is JsonObject state && state[name] is JsonValue stated ? stated.ToString() : null;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (log._formatter is null)
            {
                return;
            }
            using var writer = new StringWriter();
            log._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), log._scopes ?? new LoggerExternalScopeProvider(), writer);
            foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                log._lines.Enqueue(line);
            }
        }
    }
}
