using System.Globalization;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Bench;
using StepOrders.EnginesBench;

// The end-to-end flow (POST /orders through the queue and the embedded workflow to COMPLETED) on the local host with
// its default engines (SQLite) and with --store dynamodb --queue sqs on dynalite and fauxqs: both hosts loaded at
// once, at the same load, so the machine's other work weighs on both alike (as bench/Telemetry does); then the ratios.
// Usage: dotnet run -c Release --project bench/Engines [-- --seconds 10] [--concurrency 16] [--completion-timeout 300]
var seconds = Option("--seconds", 10);
var concurrency = Option("--concurrency", 16);
var completionTimeout = TimeSpan.FromSeconds(Option("--completion-timeout", 300));
Console.WriteLine($"Engines benchmark: {concurrency} clients posting orders for {seconds} s, then every order awaited; {Environment.ProcessorCount} cores, load average {MachineLoad.LastMinute()} at start");

Console.Error.WriteLine("building src/Local (Release)…");
var dll = await LocalHostBuild.BuildAsync();
await using var dynalite = await StandinProcess.StartDynaliteAsync();
await using var fauxqs = await StandinProcess.StartFauxqsAsync();

(string Name, string[] Options)[] engines =
[
    ("SQLite (default)", []),
    ("DynamoDB + SQS (dynalite + fauxqs)",
        ["--store", "dynamodb", "--dynamodb-endpoint", dynalite.Endpoint.ToString(), "--queue", "sqs", "--sqs-endpoint", fauxqs.Endpoint.ToString()]),
];
// The front door off for both runs: every request is an admin's, unthrottled; the engines are what is compared.
await using var sqlite = await HostProcess.StartAsync(dll, ["--no-front-door", "--no-telemetry", .. engines[0].Options]);
await using var aws = await HostProcess.StartAsync(dll, ["--no-front-door", "--no-telemetry", .. engines[1].Options]);
Console.Error.WriteLine("running both…");
var results = await Task.WhenAll(
    OrderFlow.RunAsync(sqlite, concurrency, TimeSpan.FromSeconds(seconds), completionTimeout),
    OrderFlow.RunAsync(aws, concurrency, TimeSpan.FromSeconds(seconds), completionTimeout));

Console.WriteLine();
Console.WriteLine("| engines | accepted/s | accept p50 ms | accept p99 ms | completed/s | accepted | completed | failed | unfinished | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (var i = 0; i < engines.Length; i++)
{
    var r = results[i];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {engines[i].Name} | {r.AcceptedPerSecond:0} | {r.AcceptP50:0.0} | {r.AcceptP99:0.0} | {r.CompletedPerSecond:0} | {r.Accepted} | {r.Completed} | {r.Failed} | {r.Unfinished} | {r.Errors} |"));
}
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accepted/s, DynamoDB + SQS / SQLite:  {results[1].AcceptedPerSecond / results[0].AcceptedPerSecond:0.00}x"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"completed/s, DynamoDB + SQS / SQLite: {results[1].CompletedPerSecond / results[0].CompletedPerSecond:0.00}x"));
Console.WriteLine($"load average at end: {MachineLoad.LastMinute()}");
return 0;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
