using System.Collections.Concurrent;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Jsonata;
using StepOrders.Workflow.Storage;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow;

/// <summary>
/// The embedded Step Functions runtime: state machines, executions, histories and redrive, durable in
/// SQLite (or in memory). Operations mirror the Step Functions API; errors are
/// <see cref="WorkflowApiException"/>s carrying AWS's error codes. The first call opens the store and
/// resumes every RUNNING execution.
/// </summary>
public sealed partial class WorkflowRuntime : IAsyncDisposable
{
    private readonly WorkflowOptions options;
    private readonly TimeProvider time;
    private readonly IExecutionStore store;
    private readonly Arns arns;
    private readonly Interpreter interpreter;
    private readonly JsonataEvaluator jsonata;
    private readonly ConcurrentDictionary<string, ExecutionRun> active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StateMachineDescription> machines = new(StringComparer.Ordinal);
    private readonly Lock startGate = new();
    private Task? started;
    private ExecutionScheduler? scheduler;
    private int disposed;

    public WorkflowRuntime(
        WorkflowOptions options, TaskHandlerRegistry handlers, TimeProvider? timeProvider = null, IJitterSource? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlers);
        this.options = options;
        time = timeProvider ?? TimeProvider.System;
        store = options.DatabasePath is null
            ? new InMemoryExecutionStore()
            : new SqliteExecutionStore(options.DatabasePath, options.SynchronousFull);
        arns = new Arns(options.Region, options.AccountId);
        jsonata = new JsonataEvaluator(time);
        interpreter = new Interpreter(
            store, handlers, new TaskInvoker(time), time, jitter ?? new RandomJitterSource(),
            new RuntimeSettings(options.Region, options.AccountId, options.TimeScale), jsonata);
    }

    /// <summary>Raised once an execution's closing event is durable (SUCCEEDED, FAILED, TIMED_OUT, ABORTED).</summary>
    public event EventHandler<ExecutionDescription>? ExecutionClosed;

    /// <summary>Executions running now in this runtime (a host's gauge; resumed ones count once resumed).</summary>
    public int RunningExecutionCount => active.Count;

    /// <summary>Opens the store and resumes RUNNING executions; other operations call it on first use.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (startGate)
        {
            return started ??= StartCoreAsync(cancellationToken);
        }
    }

    internal ExecutionTimers Timers => scheduler?.Timers ?? throw new InvalidOperationException("The runtime is not started.");

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        scheduler = new ExecutionScheduler(interpreter, time, Math.Max(1, options.MaxConcurrentExecutions), OnClosed);
        foreach (var row in await store.GetRunningExecutionsAsync(cancellationToken).ConfigureAwait(false))
        {
            var machine = await GetMachineAsync(row.StateMachineArn, cancellationToken).ConfigureAwait(false);
            var run = new ExecutionRun(row, machine.Parsed, machine.Name);
            run.Restore(Checkpoint.FromJson(row.Checkpoint!));
            active[row.Arn] = run;
            scheduler.Wake(run);
        }
    }

    private void OnClosed(ExecutionRun run)
    {
        active.TryRemove(new KeyValuePair<string, ExecutionRun>(run.Row.Arn, run));
        run.Completion.TrySetResult();
        try
        {
            ExecutionClosed?.Invoke(this, run.Row.Describe());
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop the worker that closed the execution.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Stops the workers (running handlers are cancelled), flushes the store and closes it. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (scheduler is not null)
        {
            var stopping = scheduler.DisposeAsync();
            foreach (var run in active.Values)
            {
                await run.Cancellation.CancelAsync().ConfigureAwait(false);
            }

            await stopping.ConfigureAwait(false);
        }

        foreach (var run in active.Values)
        {
            run.Completion.TrySetCanceled();
        }

        await store.DisposeAsync().ConfigureAwait(false);
        jsonata.Dispose();
    }
}
