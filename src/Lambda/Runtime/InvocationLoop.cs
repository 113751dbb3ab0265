using Microsoft.Extensions.Logging;
using StepOrders.Lambda.Functions;

namespace StepOrders.Lambda.Runtime;

/// <summary>
/// The custom runtime's loop: take the next event, run the function on it, post its response or its error, and
/// go back for the next one. Lambda freezes the process between invocations and ends it when it likes, so each
/// invocation's metrics are written before its response is posted.
/// </summary>
internal sealed partial class InvocationLoop(
    RuntimeApiClient runtime, ILambdaFunction function, TimeProvider clock, ILogger<InvocationLoop> logger, InvocationTelemetry? telemetry = null)
{
    /// <summary>Time kept back before the deadline to report a function that ran out of time, before Lambda ends it.</summary>
    private static readonly TimeSpan ReportMargin = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var invocation = await runtime.NextAsync(cancellationToken);
            await HandleAsync(invocation, cancellationToken);
        }
    }

    public async Task HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        // X-Ray: SDKs and instrumentation read the invocation's trace header from _X_AMZN_TRACE_ID
        // (Lambda runtime API: Lambda-Runtime-Trace-Id; custom runtimes set the variable themselves).
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
        var result = await RunAsync(invocation, cancellationToken);
        if (result.Error is { } error)
        {
            await runtime.FailAsync(invocation.RequestId, error, cancellationToken);
        }
        else
        {
            await runtime.RespondAsync(invocation.RequestId, result.Response, cancellationToken);
        }
    }

    private async Task<FunctionResult> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        using var observed = telemetry?.Begin(invocation, logger);
        using var scope = observed is null ? logger.BeginScope(new Dictionary<string, object> { ["requestId"] = invocation.RequestId }) : null;
        using var timeLeft = TimeLeft(invocation.Deadline);
        using var invocationCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLeft.Token);

        FunctionResult result;
        try
        {
            result = await function.InvokeAsync(invocation, invocationCancellation.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnhandled(e);
            result = FunctionError.Unhandled(e);
        }
        if (result.Error is { } error)
        {
            LogFailed(error.ErrorType, error.ErrorMessage);
            observed?.Failed(error.ErrorType);
        }
        return result;
    }

    private CancellationTokenSource TimeLeft(DateTimeOffset deadline)
    {
        if (deadline == DateTimeOffset.MaxValue)
        {
            return new CancellationTokenSource();
        }
        var left = deadline - clock.GetUtcNow() - ReportMargin;
        return new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock);
    }

    [LoggerMessage(LogLevel.Error, "The function failed with an unhandled exception")]
    private partial void LogUnhandled(Exception exception);

    [LoggerMessage(LogLevel.Warning, "The invocation ended with {ErrorType}: {ErrorMessage}")]
    private partial void LogFailed(string errorType, string errorMessage);
}
