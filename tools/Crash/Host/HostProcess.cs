using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace StepOrders.Crash.Host;

/// <summary>
/// The built local host run as a child process, as a user runs it (<c>dotnet StepOrders.Local.dll --urls … --data …</c>),
/// and killed with SIGKILL: no shutdown, no flush, what a crash or an OOM kill leaves behind.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int KeptLines = 60;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _errors = [];

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The most memory the host has held so far (Linux <c>VmHWM</c>, peak resident set), in MiB; null elsewhere.</summary>
    public double? PeakResidentMiB() => Memory("VmHWM:");

    /// <summary>The memory the host holds now (Linux <c>VmRSS</c>), in MiB; null elsewhere.</summary>
    public double? ResidentMiB() => Memory("VmRSS:");

    private double? Memory(string field)
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) : null;
        return line is null ? null : double.Parse(line[field.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The last lines the host wrote.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>The host's log lines at level Error or Critical.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_tail)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>
    /// Makes an admin key in the data folder with the host's own <c>keys create</c>, with a usage plan no run reaches
    /// (the default plan's 100 requests/s would turn a burst into 429s), and returns its secret.
    /// </summary>
    public static async Task<string> CreateAdminKeyAsync(string hostDll, string dataPath, CancellationToken cancellationToken)
    {
        var create = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[hostDll, "keys", "create", "--name", "crash-harness", "--admin",
            "--rate", "1000000", "--burst", "1000000", "--quota", "1000000000000", "--data", dataPath])
        {
            create.ArgumentList.Add(argument);
        }
        create.Environment.Remove("STEPORDERS_DATA");
        using var process = Process.Start(create) ?? throw new InvalidOperationException("dotnet did not start.");
        var secret = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? (await secret).Trim()
            : throw new InvalidOperationException($"keys create failed ({process.ExitCode}): {await errors}");
    }

    /// <summary>Starts the host and waits until <c>/health</c> answers (the data folder is ready and executions resumed by then).</summary>
    public static async Task<HostProcess> StartAsync(string hostDll, string dataPath, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (IEnumerable<string>)[hostDll, "--urls", address.ToString(), "--data", dataPath, .. settings])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("STEPORDERS_DATA");
        start.Environment.Remove("STEPORDERS_API_KEY");
        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), address);
        host._process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        host._process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var health = await probe.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }
            if (host._process.HasExited || DateTime.UtcNow > deadline)
            {
                var exit = host._process.HasExited ? host._process.ExitCode.ToString(CultureInfo.InvariantCulture) : "none";
                var tail = host.Tail;
                await host.DisposeAsync();
                throw new InvalidOperationException($"The host did not start (exit code {exit}):\n{tail}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    public HttpClient Client(string apiKey, TimeSpan timeout)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = Address, Timeout = timeout };
        client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return client;
    }

    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
            if (line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
            {
                _errors.Add(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
