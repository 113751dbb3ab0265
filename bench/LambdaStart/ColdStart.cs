using System.Diagnostics;
using StepOrders.Lambda.Tests;

namespace StepOrders.LambdaStartBench;

/// <summary>
/// One cold start as Lambda makes it: a new process with <c>AWS_LAMBDA_RUNTIME_API</c> and <c>_HANDLER</c>, one event
/// waiting; timed from just before the process starts to the moment its first response (or error) arrives.
/// </summary>
internal static class ColdStart
{
    /// <summary>What the stack sets, pointed at a closed port: the measured events need no AWS call.</summary>
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "bench",
        ["AWS_SECRET_ACCESS_KEY"] = "bench",
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
        ["STEPORDERS_STAGE"] = "bench",
        ["STEPORDERS_ORDERS_TABLE"] = "bench-orders",
        ["STEPORDERS_INVENTORY_TABLE"] = "bench-inventory",
        ["STEPORDERS_IDEMPOTENCY_TABLE"] = "bench-idempotency",
        ["STEPORDERS_API_KEYS_TABLE"] = "bench-api-keys",
        ["STEPORDERS_QUEUE_URL"] = "http://127.0.0.1:9/000000000000/bench-orders",
        ["STEPORDERS_DEAD_LETTER_QUEUE_URL"] = "http://127.0.0.1:9/000000000000/bench-orders-dlq",
        ["STEPORDERS_MAX_RECEIVE_COUNT"] = "5",
        ["STEPORDERS_STATE_MACHINE_ARN"] = "arn:aws:states:us-east-1:000000000000:stateMachine:bench",
    };

    /// <summary>Milliseconds from process start to the first response of <paramref name="handler"/> to <paramref name="payload"/>.</summary>
    public static async Task<double> MeasureAsync(string fileName, string? argument, string handler, string payload)
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync(payload);
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (argument is not null)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi.Address;
        start.Environment["_HANDLER"] = handler;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }
        var startedAt = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var first = await reply;
            if (runtimeApi.InitError.IsCompleted)
            {
                throw new InvalidOperationException($"{handler} failed to start: {(await runtimeApi.InitError).Body}");
            }
            return Stopwatch.GetElapsedTime(startedAt, first.ReceivedAt).TotalMilliseconds;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Milliseconds to start <c>/bin/true</c> and see it exit: what any process start costs here.</summary>
    public static async Task<double> ProcessFloorAsync()
    {
        var startedAt = Stopwatch.GetTimestamp();
        using var process = Process.Start(new ProcessStartInfo("/bin/true"))!;
        await process.WaitForExitAsync();
        return Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;
    }
}
