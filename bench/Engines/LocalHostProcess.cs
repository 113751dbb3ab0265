using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StepOrders.EnginesBench;

/// <summary>
/// The local host as a user starts it, built once in Release into a folder of its own and run as <c>dotnet
/// StepOrders.Local.dll</c> on a free port over a fresh data folder, with its output discarded.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-admin-key";

    private readonly Process _process;
    private readonly string _data;

    private LocalHostProcess(Process process, string data, Uri url)
    {
        _process = process;
        _data = data;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<string> BuildAsync(string root)
    {
        var output = Path.Combine(root, "local");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "build", Path.Combine(RepositoryRoot(), "src", "Local", "StepOrders.Local.csproj"), "-c", "Release", "-o", output,
            "--artifacts-path", Path.Combine(root, "build"), "-nologo", "-v", "quiet", "-clp:ErrorsOnly",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var build = Process.Start(start)!;
        var text = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build src/Local failed:\n{await text}\n{await errors}");
        }
        return Path.Combine(output, "StepOrders.Local.dll");
    }

    /// <summary>Starts the host with <paramref name="options"/> and returns once <c>GET /health</c> answers.</summary>
    public static async Task<LocalHostProcess> StartAsync(string dll, IEnumerable<string> options)
    {
        var data = Directory.CreateTempSubdirectory("steporders-engines-bench-").FullName;
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The front door off for both runs: every request is an admin's, unthrottled; the engines are what is compared.
        foreach (var argument in new[] { dll, "--urls", url.ToString(), "--data", data, "--no-front-door", "--no-telemetry" }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["STEPORDERS_API_KEY"] = ApiKey;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new LocalHostProcess(process, data, url);
        using var http = new HttpClient { BaseAddress = url };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(100))
        {
            if (process.HasExited)
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"The local host exited with {process.ExitCode} before it served.");
            }
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StepOrders.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No StepOrders.sln above {AppContext.BaseDirectory}.");
    }
}
