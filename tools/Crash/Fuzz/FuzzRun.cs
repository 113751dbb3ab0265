using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using StepOrders.Crash.Host;

namespace StepOrders.Crash.Fuzz;

/// <summary>
/// The fuzz run: one host, <see cref="CrashOptions.Fuzz"/> hostile requests (drawn from the seed) over
/// <c>POST /orders</c>, <c>POST /chatbot</c> and the Step Functions API at <c>/sfn</c>, <see cref="CrashOptions.Concurrency"/>
/// at a time. Every answer must be a 2xx, or a 4xx with problem details (AWS's error shape at <c>/sfn</c>), within 15 s.
/// </summary>
internal sealed class FuzzRun(CrashOptions options, TextWriter log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public async Task<FuzzReport> RunAsync(CancellationToken cancellationToken)
    {
        var requests = options.Fuzz ?? 0;
        var data = options.DataPath ?? Directory.CreateTempSubdirectory("steporders-fuzz-").FullName;
        var report = new FuzzReport(options.Seed, requests);
        var random = new Random(options.Seed);
        var bodies = new HostileBodies(random);
        log.WriteLine($"fuzz: seed {options.Seed}, {requests} requests, data {data}");
        var clock = Stopwatch.StartNew();
        var apiKey = await HostProcess.CreateAdminKeyAsync(options.HostDll, data, cancellationToken);
        await using (var host = await HostProcess.StartAsync(options.HostDll, data, ["--time-scale", "0"], cancellationToken))
        {
            using var client = host.Client(apiKey, Patience);
            await Parallel.ForEachAsync(Enumerable.Range(0, requests),
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    HttpRequestMessage request;
                    FuzzTarget target;
                    lock (random)
                    {
                        (request, target) = Draw(random, bodies);
                    }
                    using (request)
                    {
                        await SendAsync(client, request, target, report, token);
                    }
                    if (i % 10_000 == 9_999)
                    {
                        log.WriteLine($"  {i + 1} sent, {report.ServerErrors} 5xx, peak RSS {host.PeakResidentMiB():0} MiB");
                    }
                });
            report.PeakResidentMiB = host.PeakResidentMiB();
            report.HostAlive = !host.HasExited;
            foreach (var error in host.Errors.Take(5))
            {
                report.Find("host error log", "", error);
            }
        }
        report.Write(log, clock.Elapsed);
        if (report.Passed && options.DataPath is null)
        {
            Directory.Delete(data, recursive: true);
        }
        return report;
    }

    private static (HttpRequestMessage, FuzzTarget) Draw(Random random, HostileBodies bodies)
    {
        var target = random.Next(10) switch
        {
            < 4 => FuzzTarget.All[0],
            < 6 => FuzzTarget.All[1],
            _ => FuzzTarget.All[random.Next(2, FuzzTarget.All.Count)],
        };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Path, UriKind.Relative))
        {
            Content = new ByteArrayContent(bodies.Next(target.Valid)),
        };
        request.Content.Headers.ContentType = random.Next(20) == 0
            ? new MediaTypeHeaderValue("text/plain")
            : new MediaTypeHeaderValue(target.IsStepFunctions ? "application/x-amz-json-1.0" : "application/json");
        if (target.IsStepFunctions)
        {
            var amzTarget = random.Next(20) switch { 0 => null, 1 => bodies.RandomHeader(), _ => target.AmzTarget };
            if (amzTarget is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Amz-Target", amzTarget);
            }
        }
        else if (random.Next(10) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", bodies.RandomHeader());
        }
        return (request, target);
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, FuzzTarget target, FuzzReport report, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = (int)response.StatusCode;
            report.Answered(target.Name, status, started.ElapsedMilliseconds);
            if (status >= 500)
            {
                report.Find("5xx", target.Name, $"{status} {System.Text.Encoding.UTF8.GetString(body)}");
            }
            else if (status >= 400 && !HasErrorShape(response, body, target))
            {
                report.Find("shape", target.Name, $"{status} {response.Content.Headers.ContentType} {System.Text.Encoding.UTF8.GetString(body)}");
            }
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            report.Find("hang", target.Name, $"no answer in {Patience.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            report.Find("unanswered", target.Name, e.Message);
        }
    }

    /// <summary>Problem details (RFC 9457) anywhere; at <c>/sfn</c>, AWS's <c>{"__type", "message"}</c> too.</summary>
    private static bool HasErrorShape(HttpResponseMessage response, byte[] body, FuzzTarget target)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                return root.TryGetProperty("status", out var status) && status.GetInt32() == (int)response.StatusCode;
            }
            return target.IsStepFunctions && root.TryGetProperty("__type", out var type) && type.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
