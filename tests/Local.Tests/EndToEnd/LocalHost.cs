using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;
using StepOrders.Workflow;

namespace StepOrders.Local.Tests.EndToEnd;

/// <summary>
/// The whole local host in memory over a data folder of its own: API, SQLite, queue poller and the embedded runtime,
/// with retry waits scaled to nothing. Tests await executions closing (the runtime's ExecutionClosed event), not time.
/// </summary>
public class LocalHost : WebApplicationFactory<Program>
{
    private readonly ConcurrentDictionary<string, ClosedExecutions> _closed = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _settings;
    private int _watching;

    public LocalHost()
        : this(new Dictionary<string, string>())
    {
    }

    protected LocalHost(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public string DataPath { get; } = Directory.CreateTempSubdirectory("steporders-e2e-").FullName;

    public WorkflowRuntime Runtime => Services.GetRequiredService<WorkflowRuntime>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataPath);
        builder.UseSetting("Workflow:TimeScale", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<HttpClient> ClientAsync(bool admin = true)
    {
        if (Interlocked.Exchange(ref _watching, 1) == 0)
        {
            Runtime.ExecutionClosed += (_, execution) => Closed(execution.Name).Add(execution);
        }
        var client = CreateClient();
        var secret = await Services.GetRequiredService<ApiKeyIssuer>().IssueAsync("e2e", null, admin, CancellationToken.None);
        client.DefaultRequestHeaders.Add("x-api-key", secret);
        return client;
    }

    /// <summary>The execution's <paramref name="closings"/>th close (a redriven execution closes again).</summary>
    public Task<ExecutionDescription> ClosedAsync(string executionName, int closings = 1) =>
        Closed(executionName).WaitAsync(closings).WaitAsync(TimeSpan.FromSeconds(60));

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
        GC.SuppressFinalize(this);
    }

    private ClosedExecutions Closed(string name) => _closed.GetOrAdd(name, _ => new ClosedExecutions());

    private sealed class ClosedExecutions
    {
        private readonly List<ExecutionDescription> _closings = [];
        private readonly List<(int Count, TaskCompletionSource<ExecutionDescription> Waiter)> _waiters = [];

        public void Add(ExecutionDescription execution)
        {
            lock (_closings)
            {
                _closings.Add(execution);
                foreach (var (count, waiter) in _waiters.Where(w => w.Count == _closings.Count))
                {
                    waiter.TrySetResult(execution);
                }
            }
        }

        public Task<ExecutionDescription> WaitAsync(int count)
        {
            lock (_closings)
            {
                if (_closings.Count >= count)
                {
                    return Task.FromResult(_closings[count - 1]);
                }
                var waiter = new TaskCompletionSource<ExecutionDescription>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, waiter));
                return waiter.Task;
            }
        }
    }
}
