using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StepOrders.Lambda.Tests;

/// <summary>
/// The Lambda side of the runtime API (2018-06-01) on loopback: hands out queued events from
/// <c>GET /runtime/invocation/next</c> and records what the runtime posts back, as Lambda does.
/// </summary>
internal sealed class RuntimeApiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeReply>> _replies = new();
    private readonly TaskCompletionSource<RuntimeReply> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RuntimeApiEmulator(WebApplication app)
    {
        _app = app;
        app.MapGet("/2018-06-01/runtime/invocation/next", NextAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{requestId}/response", (string requestId, HttpRequest request) => ReplyAsync(requestId, request, isError: false));
        app.MapPost("/2018-06-01/runtime/invocation/{requestId}/error", (string requestId, HttpRequest request) => ReplyAsync(requestId, request, isError: true));
        app.MapPost("/2018-06-01/runtime/init/error", InitErrorAsync);
    }

    /// <summary>What AWS_LAMBDA_RUNTIME_API holds: host and port.</summary>
    public string Address => new Uri(_app.Urls.First()).Authority;

    /// <summary>The runtime's <c>/runtime/init/error</c> post, when it makes one.</summary>
    public Task<RuntimeReply> InitError => _initError.Task;

    /// <summary>How many times the runtime asked for the next event.</summary>
    public int NextRequests;

    public static async Task<RuntimeApiEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var emulator = new RuntimeApiEmulator(builder.Build());
        await emulator._app.StartAsync();
        return emulator;
    }

    /// <summary>Queues an event; completes with the runtime's response or error for it.</summary>
    public Task<RuntimeReply> InvokeAsync(string payload, DateTimeOffset? deadline = null, string? traceId = null)
    {
        var requestId = Guid.NewGuid().ToString();
        var reply = new TaskCompletionSource<RuntimeReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[requestId] = reply;
        _events.Writer.TryWrite(new Event(requestId, payload, deadline ?? DateTimeOffset.UtcNow.AddSeconds(30), traceId));
        return reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.Increment(ref NextRequests);
        var next = await _events.Reader.ReadAsync(context.RequestAborted);
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:test";
        if (next.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(next.Payload, context.RequestAborted);
    }

    private async Task<IResult> ReplyAsync(string requestId, HttpRequest request, bool isError)
    {
        var reply = await ReadAsync(requestId, request, isError);
        return _replies.TryRemove(requestId, out var waiting) && waiting.TrySetResult(reply)
            ? Results.Accepted()
            : Results.BadRequest(); // Lambda refuses a second answer to one invocation.
    }

    private async Task<IResult> InitErrorAsync(HttpRequest request)
    {
        _initError.TrySetResult(await ReadAsync("init", request, isError: true));
        return Results.Accepted();
    }

    private static async Task<RuntimeReply> ReadAsync(string requestId, HttpRequest request, bool isError)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return new RuntimeReply(
            requestId,
            isError,
            request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault(),
            request.ContentType,
            body,
            Stopwatch.GetTimestamp());
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Event(string RequestId, string Payload, DateTimeOffset Deadline, string? TraceId);
}

/// <summary>What the runtime posted for one invocation (or for its initialization).</summary>
internal sealed record RuntimeReply(string RequestId, bool IsError, string? ErrorTypeHeader, string? ContentType, string Body, long ReceivedAt)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string? ErrorType => IsError ? (string?)Json["errorType"] : null;

    public string? ErrorMessage => IsError ? (string?)Json["errorMessage"] : null;
}
