using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StepOrders.Bench;

/// <summary>
/// The local host (Release build) in a process of its own, on a loopback port and a fresh data folder, with the
/// arguments given (<c>--no-telemetry</c>, <c>--no-front-door</c>…); separate processes, so one host's listeners cannot
/// touch the other's. Its key is made by the <c>keys</c> command with a usage plan no load here reaches (the default
/// plan's 100 requests/s would be what is measured otherwise), so the throttle and the quota are evaluated on every
/// request but refuse none. Compiled into each benchmark that compares two hosts (bench/Telemetry, bench/FrontDoor,
/// bench/Engines).
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private HostProcess(Process process, string data, Uri url, string apiKey)
    {
        _process = process;
        _data = data;
        Url = url;
        ApiKey = apiKey;
    }

    public Uri Url { get; }

    public string ApiKey { get; }

    /// <summary>The CPU time the host process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<HostProcess> StartAsync(string hostDll, params IReadOnlyList<string> arguments)
    {
        var data = Directory.CreateTempSubdirectory("steporders-bench-").FullName;
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var apiKey = await CreateKeyAsync(hostDll, data);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[hostDll, "--data", data, "--urls", url.ToString(), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        // The host's JSON lines go to a pipe nobody reads slowly: drain them so the pipe never blocks the host.
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, data, url, apiKey);
        try
        {
            await host.WaitUntilServingAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>
    /// Waits until the host has used almost no CPU for a moment (the previous round's orders have all gone through), or
    /// three minutes at the most.
    /// </summary>
    public async Task WaitUntilIdleAsync()
    {
        var until = Stopwatch.StartNew();
        var window = TimeSpan.FromMilliseconds(500);
        while (until.Elapsed < TimeSpan.FromMinutes(3))
        {
            _process.Refresh();
            var before = _process.TotalProcessorTime;
            await Task.Delay(window);
            _process.Refresh();
            if ((_process.TotalProcessorTime - before) < window * 0.05)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private static async Task<string> CreateKeyAsync(string hostDll, string data)
    {
        var keys = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { hostDll, "keys", "create", "--name", "bench", "--admin", "--rate", "1000000", "--burst", "1000000", "--quota", "1000000000", "--data", data })
        {
            keys.ArgumentList.Add(argument);
        }
        using var process = Process.Start(keys) ?? throw new InvalidOperationException("dotnet did not start.");
        var key = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 && key.Length > 0 ? key : throw new InvalidOperationException($"keys create exited with {process.ExitCode}.");
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before serving.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The host at {Url} did not answer /health.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
