using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StepOrders.Local.Tests.Host;

/// <summary>
/// The built host (<c>StepOrders.Local.dll</c>, copied next to the tests) run as a child process, as a user runs it:
/// <c>dotnet StepOrders.Local.dll --urls … --data …</c>.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(40));
            }
        }
    }

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "StepOrders.Local.dll");

    /// <summary>Starts the host and waits until <c>/health</c> answers.</summary>
    public static Task<HostProcess> StartAsync(string dataPath, string apiKey, params string[] extraArguments) =>
        StartAsync(dataPath, apiKey, new Dictionary<string, string>(), extraArguments);

    /// <summary>Starts the host with more variables in its environment (AWS credentials, say) and waits until <c>/health</c> answers.</summary>
    public static async Task<HostProcess> StartAsync(string dataPath, string apiKey, IReadOnlyDictionary<string, string> environment, params string[] extraArguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = Command(["--urls", address.ToString(), "--data", dataPath, .. extraArguments]);
        start.Environment["STEPORDERS_API_KEY"] = apiKey;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var host = new HostProcess(Process.Start(start)!, address);
        host._process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        host._process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await probe.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException) when (!host._process.HasExited && DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            if (host._process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The host did not start:\n{host.Output}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Runs the host's command line to its end and returns its exit code and stdout.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(Command(arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush; what a crash or an OOM kill leaves behind.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private static ProcessStartInfo Command(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("STEPORDERS_DATA");
        start.Environment.Remove("STEPORDERS_API_KEY");
        return start;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
