using System.Threading.Channels;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// Runs executions on a bounded number of async workers (no thread per execution). A run is on at most
/// one worker at a time; waking a run that is already queued or running only marks it to be looked at again.
/// </summary>
internal sealed class ExecutionScheduler : IAsyncDisposable
{
    private readonly Channel<ExecutionRun> ready = Channel.CreateUnbounded<ExecutionRun>();
    private readonly CancellationTokenSource shutdown = new();
    private readonly Interpreter interpreter;
    private readonly Action<ExecutionRun> closed;
    private readonly Task[] workers;

    public ExecutionScheduler(Interpreter interpreter, TimeProvider time, int concurrency, Action<ExecutionRun> closed)
    {
        this.interpreter = interpreter;
        this.closed = closed;
        Timers = new ExecutionTimers(time, Wake);
        workers = [.. Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync))];
    }

    public ExecutionTimers Timers { get; }

    public CancellationToken ShuttingDown => shutdown.Token;

    public void Wake(ExecutionRun run)
    {
        Volatile.Write(ref run.WakeRequested, 1);
        if (Interlocked.CompareExchange(ref run.Scheduled, 1, 0) == 0)
        {
            ready.Writer.TryWrite(run);
        }
    }

    private async Task WorkAsync()
    {
        while (await ready.Reader.WaitToReadAsync(shutdown.Token).ConfigureAwait(false))
        {
            while (ready.Reader.TryRead(out var run))
            {
                Volatile.Write(ref run.WakeRequested, 0);
                RunOutcome outcome;
                try
                {
                    outcome = await interpreter.RunAsync(run, shutdown.Token).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A bug in one execution must not stop the worker serving the others.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    run.Completion.TrySetException(e);
                    continue;
                }

                if (outcome.Closed)
                {
                    closed(run);
                    continue;
                }

                if (shutdown.IsCancellationRequested)
                {
                    return;
                }

                Volatile.Write(ref run.Scheduled, 0);
                if (outcome.Due is { } due)
                {
                    Timers.Add(run, due);
                }

                if (Volatile.Read(ref run.WakeRequested) == 1)
                {
                    Wake(run);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await shutdown.CancelAsync().ConfigureAwait(false);
        ready.Writer.TryComplete();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Timers.Dispose();
        shutdown.Dispose();
    }
}
