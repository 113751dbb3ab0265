using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders.Ports;
using StepOrders.Steps.Tests;

namespace StepOrders.Lambda.Tests;

/// <summary>
/// The Lambda host run in this process (JIT) against the runtime API emulator, composed as in production but with
/// in-memory ports, so one function's dispatch, events and error shapes are tested in milliseconds.
/// </summary>
internal sealed class InProcessLambda : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;

    private readonly StringWriter _metrics;

    private InProcessLambda(RuntimeApiEmulator runtimeApi, Task<int> host, CancellationTokenSource stop, StringWriter metrics)
    {
        RuntimeApi = runtimeApi;
        Host = host;
        _stop = stop;
        _metrics = metrics;
    }

    public const string Stage = "test";

    public RuntimeApiEmulator RuntimeApi { get; }

    /// <summary>
    /// The EMF lines the host has written (its stdout on Lambda), each parsed. An invocation writes its lines before it
    /// answers, so once an invocation's reply is in, its lines are here.
    /// </summary>
    public IReadOnlyList<JsonObject> MetricLines =>
        [.. _metrics.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonNode.Parse(line)!.AsObject())];

    /// <summary>The host's run; ends with its exit code after an initialization error.</summary>
    public Task<int> Host { get; }

    /// <summary>Starts the host on <paramref name="handler"/>; <paramref name="configure"/> adds the ports the function needs beyond the shop's.</summary>
    public static async Task<InProcessLambda> StartAsync(string handler, InMemoryShop shop, IOrderWorkflow workflow, Action<IServiceCollection>? configure = null)
    {
        var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var services = new ServiceCollection().AddStepOrdersLambda();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSingleton<TimeProvider>(shop.Clock);
        services.AddSingleton<IOrderStore>(shop);
        services.AddSingleton<IInventory>(shop);
        services.AddSingleton<IPaymentGateway>(shop);
        services.AddSingleton(workflow);
        var metrics = new StringWriter();
        services.AddSingleton(new MetricsDestination(Stage, metrics));
        configure?.Invoke(services);
        var stop = new CancellationTokenSource();
        var host = Task.Run(() => LambdaHost.RunAsync(runtimeApi.Address, handler, services, stop.Token));
        return new InProcessLambda(runtimeApi, host, stop, metrics);
    }

    public Task<RuntimeReply> InvokeAsync(string payload) => RuntimeApi.InvokeAsync(payload);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Host.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
        {
            // The loop ends by cancellation of its wait for the next event.
        }
        await RuntimeApi.DisposeAsync();
        _stop.Dispose();
    }
}
