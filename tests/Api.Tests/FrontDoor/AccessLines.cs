using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StepOrders.Api.FrontDoor;

namespace StepOrders.Api.Tests.FrontDoor;

/// <summary>The access log's lines as structured fields, captured from the host's logging.</summary>
public sealed class AccessLines : ILoggerProvider
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, object?>> _lines = new();

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => categoryName == AccessLog.Category ? new Capture(_lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Capture(ConcurrentQueue<IReadOnlyDictionary<string, object?>> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            {
                lines.Enqueue(fields.ToDictionary(field => field.Key, field => field.Value, StringComparer.Ordinal));
            }
        }
    }
}
