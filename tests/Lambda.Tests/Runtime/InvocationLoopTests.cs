using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Lambda.Functions;
using StepOrders.Lambda.Runtime;

namespace StepOrders.Lambda.Tests.Runtime;

public sealed class InvocationLoopTests : IAsyncLifetime
{
    private RuntimeApiEmulator _runtimeApi = null!;
    private HttpClient _http = null!;
    private readonly CancellationTokenSource _stop = new();

    public async Task InitializeAsync()
    {
        _runtimeApi = await RuntimeApiEmulator.StartAsync();
        _http = RuntimeApiClient.CreateHttpClient(_runtimeApi.Address);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _http.Dispose();
        await _runtimeApi.DisposeAsync();
        _stop.Dispose();
    }

    private void Serve(ILambdaFunction function, TimeProvider? clock = null)
    {
        var loop = new InvocationLoop(new RuntimeApiClient(_http), function, clock ?? TimeProvider.System, NullLogger<InvocationLoop>.Instance);
        _ = Task.Run(() => loop.RunAsync(_stop.Token));
    }

    [Fact]
    public async Task Each_invocation_s_trace_header_is_set_as__X_AMZN_TRACE_ID_while_it_runs()
    {
        Serve(new Answer((_, _) => Encoding.UTF8.GetBytes($"\"{Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID")}\"")));
        const string trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";

        var reply = await _runtimeApi.InvokeAsync("{}", traceId: trace);

        Assert.Equal($"\"{trace}\"", reply.Body);
    }

    [Fact]
    public async Task An_exception_is_reported_as_an_error_with_its_type_message_and_stack()
    {
        Serve(new Answer((_, _) => throw new InvalidOperationException("Broken on purpose.")));

        var reply = await _runtimeApi.InvokeAsync("{}");

        Assert.True(reply.IsError);
        Assert.Equal("InvalidOperationException", reply.ErrorType);
        Assert.Equal("InvalidOperationException", reply.ErrorTypeHeader);
        Assert.Equal("Broken on purpose.", reply.ErrorMessage);
        Assert.NotEmpty(reply.Json["stackTrace"]!.AsArray());
    }

    [Fact]
    public async Task The_function_s_token_is_cancelled_a_moment_before_the_invocation_s_deadline()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var deadline = clock.GetUtcNow().AddSeconds(1);
        Serve(new Answer((_, token) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(700));
            var at700 = token.IsCancellationRequested;
            clock.Advance(TimeSpan.FromMilliseconds(100));
            var at800 = token.IsCancellationRequested;
            return Encoding.UTF8.GetBytes($"[{(at700 ? "true" : "false")},{(at800 ? "true" : "false")}]");
        }), clock);

        var reply = await _runtimeApi.InvokeAsync("{}", deadline);

        Assert.Equal("[false,true]", reply.Body);
    }

    [Fact]
    public async Task The_loop_answers_each_event_before_asking_for_the_next()
    {
        var seen = 0;
        Serve(new Answer((invocation, _) => Encoding.UTF8.GetBytes(Interlocked.Increment(ref seen).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add((await _runtimeApi.InvokeAsync("{}")).Body);
        }

        Assert.Equal(["1", "2", "3"], replies);
    }

    private sealed class Answer(Func<Invocation, CancellationToken, byte[]> answer) : ILambdaFunction
    {
        public Task<FunctionResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken) =>
            Task.FromResult(FunctionResult.Respond(answer(invocation, cancellationToken)));
    }
}
