using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary>An HTTP endpoint on loopback that keeps every JSON body POSTed to it, for the alarm webhook to call.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<JsonObject> _received = [];
    private readonly List<(Func<IReadOnlyList<JsonObject>, bool> Condition, TaskCompletionSource Waiter)> _waiters = [];

    public WebhookReceiver()
    {
        Url = $"http://127.0.0.1:{FreePort()}/alarms/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Completes once what was received satisfies <paramref name="condition"/>.</summary>
    public Task WhenAsync(Func<IReadOnlyList<JsonObject>, bool> condition)
    {
        lock (_received)
        {
            if (condition(_received))
            {
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, waiter));
            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
                lock (_received)
                {
                    _received.Add(body);
                    foreach (var (condition, waiter) in _waiters.Where(waiting => waiting.Condition(_received)))
                    {
                        waiter.TrySetResult();
                    }
                }
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
}
