using System.Globalization;
using StepOrders.Bench;
using StepOrders.LambdaStartBench;

// The Lambda bootstrap's size and cold start (process start to first response against a local runtime API, as
// tests/Lambda.Tests measures it) for a step, the queue starter and the API, beside two baselines measured in the
// same run: the JIT build of the same code, and the start of /bin/true (what any process start costs here).
// Usage: dotnet run -c Release --project bench/LambdaStart [-- --runs N] [--bootstrap PATH]
var runs = Option("--runs", 10);
var given = Value("--bootstrap");
Console.WriteLine($"Lambda cold start: {runs} runs per function and build, median; {Environment.ProcessorCount} cores, load average {MachineLoad.LastMinute()} at start");

using var builds = LambdaBuilds.Create();
Console.Error.WriteLine("building: Native AOT publish (minutes) and the JIT build…");
var bootstrap = given ?? await builds.PublishAotAsync();
var jit = await builds.BuildJitAsync();

var aotSize = new FileInfo(bootstrap).Length;
var jitSize = LambdaBuilds.Size(builds.JitFolder);
Console.WriteLine();
Console.WriteLine("| build | function code | MiB |");
Console.WriteLine("|---|---|---:|");
Console.WriteLine(Row($"| Native AOT | `bootstrap`, one executable | {Mib(aotSize):0.0} |"));
Console.WriteLine(Row($"| JIT | `bootstrap.dll` and its dependencies, plus the .NET runtime on the host | {Mib(jitSize):0.0} |"));

// A REST API proxy event for GET /health without a key id, so it needs no key lookup and no AWS call.
const string ApiHealthEvent = """
    {"resource":"/{proxy+}","path":"/health","httpMethod":"GET","headers":{"Host":"abc123def4.execute-api.us-east-1.amazonaws.com"},
     "multiValueHeaders":{"Host":["abc123def4.execute-api.us-east-1.amazonaws.com"]},"queryStringParameters":null,
     "multiValueQueryStringParameters":null,"pathParameters":{"proxy":"health"},
     "requestContext":{"requestId":"bench","stage":"dev","protocol":"HTTP/1.1","identity":{"sourceIp":"203.0.113.7"}},
     "body":null,"isBase64Encoded":false}
    """;
(string Handler, string Event, string What)[] functions =
[
    ("CompleteOrder", """{"orderId":"ord_nope"}""", "a step (input refused before any AWS call)"),
    ("StartOrderWorkflow", """{"Records":[{"messageId":"m-1","receiptHandle":"rh-1","body":"not an order","attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1764061200000"}}]}""", "the queue starter (no AWS call)"),
    ("Api", ApiHealthEvent, "the API (GET /health through the ASP.NET Core pipeline)"),
];
var floor = await MedianAsync(_ => ColdStart.ProcessFloorAsync());
Console.WriteLine();
Console.WriteLine("| function | Native AOT ms | JIT ms | JIT / AOT | AOT / process start |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (handler, payload, what) in functions)
{
    var aot = await MedianAsync(_ => ColdStart.MeasureAsync(bootstrap, null, handler, payload));
    var jitted = await MedianAsync(_ => ColdStart.MeasureAsync("dotnet", jit, handler, payload));
    Console.WriteLine(Row($"| {handler}: {what} | {aot:0.0} | {jitted:0.0} | {jitted / aot:0.0}x | {aot / floor:0.0}x |"));
}
Console.WriteLine(Row($"| process start of `/bin/true` (the floor) | {floor:0.00} | | | |"));
Console.WriteLine($"load average at end: {MachineLoad.LastMinute()}");
return 0;

async Task<double> MedianAsync(Func<int, Task<double>> measure)
{
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        times.Add(await measure(run));
    }
    times.Sort();
    return times[times.Count / 2];
}

int Option(string name, int fallback) =>
    Value(name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : fallback;

string? Value(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static double Mib(long bytes) => bytes / 1024.0 / 1024.0;

static string Row(FormattableString row) => row.ToString(CultureInfo.InvariantCulture);
