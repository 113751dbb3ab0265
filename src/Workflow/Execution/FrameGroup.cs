using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// Runs the frames of a Parallel state's branches or a Map state's iterations: up to a number at once
/// (0: all), started in order. A failure that is not tolerated aborts the frames still running and
/// starts no more. Frames that only compute run to their end before the next starts, so their events
/// come in order; frames that wait on handlers or timers overlap.
/// </summary>
internal sealed class FrameGroup(Interpreter interpreter, IReadOnlyList<Frame> frames)
{
    private readonly Lock gate = new();

    /// <summary>Each frame's output, or its error output ({Error, Cause}) when it failed and was tolerated.</summary>
    public JsonNode?[] Results { get; } = new JsonNode?[frames.Count];

    public int Failures { get; private set; }

    /// <summary>The first failure that was not tolerated.</summary>
    public (string? Error, string? Cause)? Failure { get; private set; }

    /// <summary>Called when a frame starts, succeeds, fails or is aborted.</summary>
    public Action<int, FrameEvent>? Observe { get; init; }

    /// <param name="tolerates">Whether this many failures so far are within the tolerated threshold.</param>
    public async Task RunAsync(int maxConcurrency, Func<int, bool> tolerates, CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(maxConcurrency > 0 ? maxConcurrency : frames.Count + 1);
        var running = new List<Task>(frames.Count);
        try
        {
            for (var i = 0; i < frames.Count && !abort.IsCancellationRequested; i++)
            {
                await slots.WaitAsync(abort.Token).ConfigureAwait(false);
                running.Add(RunOneAsync(i, slots, tolerates, abort));
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // A failure aborted the group, or the execution stops: start no more, wait for the running ones.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task RunOneAsync(int index, SemaphoreSlim slots, Func<int, bool> tolerates, CancellationTokenSource abort)
    {
        try
        {
            Observe?.Invoke(index, FrameEvent.Started);
            var end = await interpreter.RunBranchAsync(frames[index], abort.Token).ConfigureAwait(false);
            if (end.Kind == TransitionKind.Succeeded)
            {
                Results[index] = end.Output?.Parent is null ? end.Output : end.Output.DeepClone();
                Observe?.Invoke(index, FrameEvent.Succeeded);
                return;
            }

            Results[index] = ErrorOutput(end.Error, end.Cause);
            Observe?.Invoke(index, FrameEvent.Failed);
            lock (gate)
            {
                Failures++;
                if (Failure is not null || tolerates(Failures))
                {
                    return;
                }

                Failure = (end.Error, end.Cause);
            }

            await abort.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            Observe?.Invoke(index, FrameEvent.Aborted);
        }
        finally
        {
            slots.Release();
        }
    }

    private static JsonObject ErrorOutput(string? error, string? cause)
    {
        var output = new JsonObject();
        if (error is not null)
        {
            output["Error"] = error;
        }

        if (cause is not null)
        {
            output["Cause"] = cause;
        }

        return output;
    }
}

internal enum FrameEvent
{
    Started,
    Succeeded,
    Failed,
    Aborted,
}
