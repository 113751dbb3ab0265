using System.Net;
using System.Net.Sockets;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the host sends its traces and metrics there (OTLP over HTTP here).</summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly HttpListener _collector = new();
    private readonly TaskCompletionSource _traces = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _metrics = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OtlpHost _host;

    public OtlpExportTests()
    {
        var endpoint = $"http://127.0.0.1:{FreePort()}/";
        _collector.Prefixes.Add(endpoint);
        _collector.Start();
        _ = ServeAsync();
        _host = new OtlpHost(endpoint.TrimEnd('/'));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _collector.Close();
    }

    [Fact]
    public async Task An_order_s_spans_and_the_StepOrders_metrics_reach_the_OTLP_endpoint()
    {
        var client = await _host.ClientAsync();

        await _host.ClosedAsync(await _host.PlaceAsync(client, "SKU-7"));

        await Task.WhenAll(_traces.Task, _metrics.Task).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task ServeAsync()
    {
        while (_collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _collector.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            if (context.Request.ContentLength64 > 0)
            {
                (context.Request.Url!.AbsolutePath switch
                {
                    "/v1/traces" => _traces,
                    "/v1/metrics" => _metrics,
                    _ => new TaskCompletionSource(),
                }).TrySetResult();
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class OtlpHost(string endpoint) : TelemetryHost(
        new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "50",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
        },
        clock: null);
}
