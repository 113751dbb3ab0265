using System.Globalization;
using StepOrders.Bench;
using StepOrders.InterpreterBench;

// The interpreter benchmark: executions/s and state transitions/s of a six-Task machine (Retry and Catch on each
// Task) on the embedded runtime, in memory and durable, beside a baseline (the handlers called directly) and beside
// aws-local-stepfunctions running the same definition, all measured in this one run; then the ratios.
// Usage: dotnet run -c Release --project bench/Interpreter [-- --executions N] [--peer-executions N] [--workers N] [--no-peer]
//        dotnet run -c Release --project bench/Interpreter -- --jsonata   (the cost of one JSONata evaluation instead)
if (args.Contains("--jsonata"))
{
    JsonataCost.Print();
    return 0;
}

var executions = Option("--executions", 20_000);
var peerExecutions = Option("--peer-executions", executions);
var workers = Option("--workers", new StepOrders.Workflow.WorkflowOptions().MaxConcurrentExecutions);
var peerFolder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../peer"));
Console.WriteLine($"Interpreter benchmark: {executions:N0} executions of six Tasks, {workers} runtime workers; {Environment.ProcessorCount} cores, load average {MachineLoad.LastMinute()} at start");

var results = new List<Measurement> { await HandlerBaseline.RunAsync(executions) };
var inMemory = await RuntimeRun.RunAsync(durable: false, executions, workers);
results.Add(inMemory);
var durable = await RuntimeRun.RunAsync(durable: true, executions, workers);
results.Add(durable);
var peer = args.Contains("--no-peer") ? null : await PeerRun.RunAsync(peerFolder, peerExecutions, Console.Error);
if (peer is not null)
{
    results.Add(peer);
}

Console.WriteLine();
Console.WriteLine($"{"run",-34} {"executions",9} {"time",10} {"executions/s",13} {"transitions/s",15} {"KiB/execution",14} {"CPU µs/execution",16}");
foreach (var result in results)
{
    Console.WriteLine(result.Row());
}

Console.WriteLine();
Ratio("in memory / baseline", inMemory.TransitionsPerSecond / results[0].TransitionsPerSecond, null);
Ratio("durable / in memory", durable.TransitionsPerSecond / inMemory.TransitionsPerSecond, 0.5);
if (peer is not null)
{
    Ratio("in memory / aws-local-stepfunctions", inMemory.TransitionsPerSecond / peer.TransitionsPerSecond, 3.0);
    Ratio("durable / aws-local-stepfunctions", durable.TransitionsPerSecond / peer.TransitionsPerSecond, null);
}

Console.WriteLine($"load average at end: {MachineLoad.LastMinute()}");
return 0;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static void Ratio(string name, double value, double? target) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-38} {value,7:F2}x{(target is { } t ? $"   target ≥ {t:F1}x: {(value >= t ? "met" : "NOT met")}" : "")}"));
