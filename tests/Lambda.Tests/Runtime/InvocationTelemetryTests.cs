using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Lambda.Functions;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Lambda.Tests.Runtime;

/// <summary>Its ActivityListener is process-wide, so these tests run alone, not beside tests that expect no activities.</summary>
[CollectionDefinition(nameof(InvocationTelemetryTests), DisableParallelization = true)]
public sealed class InvocationTelemetryCollection;

[Collection(nameof(InvocationTelemetryTests))]
public sealed class InvocationTelemetryTests : IAsyncLifetime
{
    private const string XRayTrace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    private readonly CancellationTokenSource _stop = new();
    private readonly OrderMetrics _metrics = new();
    private readonly StringWriter _output = new();
    private RuntimeApiEmulator _runtimeApi = null!;
    private HttpClient _http = null!;
    private InvocationTelemetry _telemetry = null!;

    public async Task InitializeAsync()
    {
        _runtimeApi = await RuntimeApiEmulator.StartAsync();
        _http = RuntimeApiClient.CreateHttpClient(_runtimeApi.Address);
        _telemetry = new InvocationTelemetry("ProcessPayment", _metrics, TimeProvider.System, new MetricsDestination("prod", _output));
        var function = new Answer(() =>
        {
            _metrics.OrderFailed("ProcessPayment", "Order.PaymentDeclined", TimeSpan.FromSeconds(1));
            return Encoding.UTF8.GetBytes($"\"{Activity.Current?.TraceId.ToHexString()}\"");
        });
        var loop = new InvocationLoop(new RuntimeApiClient(_http), function, TimeProvider.System, NullLogger<InvocationLoop>.Instance, _telemetry);
        _ = Task.Run(() => loop.RunAsync(_stop.Token));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _http.Dispose();
        await _runtimeApi.DisposeAsync();
        _telemetry.Dispose();
        _metrics.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task An_invocation_runs_in_the_trace_of_its_XRay_header_and_writes_its_metrics_as_EMF_before_answering()
    {
        var reply = await _runtimeApi.InvokeAsync("{}", traceId: XRayTrace);

        Assert.Equal("\"5759e988bd862e3fe1be46a994272793\"", reply.Body);
        var documents = Lines().Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var failed = documents.Single(document => document["OrdersFailed"] is not null);
        Assert.Equal(("StepOrders", "prod", "ProcessPayment"), ((string?)failed["Service"], (string?)failed["Stage"], (string?)failed["Function"]));
        Assert.Equal("StepOrders", (string?)failed["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]);
        Assert.Equal("Order.PaymentDeclined", (string?)failed["error"]);
        Assert.Equal(1, (double)documents.Single(document => document["ColdStart"] is not null)["ColdStart"]!);
    }

    [Fact]
    public async Task Only_the_first_invocation_is_a_cold_start()
    {
        await _runtimeApi.InvokeAsync("{}");
        var first = Lines();
        await _runtimeApi.InvokeAsync("{}");
        var second = Lines().Skip(first.Count).ToList();

        Assert.All(first, line => Assert.True((bool)JsonNode.Parse(line)!["coldStart"]!));
        Assert.All(second, line => Assert.False((bool)JsonNode.Parse(line)!["coldStart"]!));
        Assert.DoesNotContain(second, line => line.Contains("\"ColdStart\"", StringComparison.Ordinal));
    }

    private List<string> Lines() => [.. _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private sealed class Answer(Func<byte[]> answer) : ILambdaFunction
    {
        public Task<FunctionResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken) =>
            Task.FromResult(FunctionResult.Respond(answer()));
    }
}
