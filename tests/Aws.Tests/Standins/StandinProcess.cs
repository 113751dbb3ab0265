using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StepOrders.Aws.Tests.Standins;

/// <summary>
/// A stand-in server (an npm package under <c>tools/standins</c>) run by Node on a free loopback port for the
/// length of a test collection.
/// </summary>
public sealed class StandinProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder output;

    private StandinProcess(Process process, StringBuilder output, int port)
    {
        this.process = process;
        this.output = output;
        Port = port;
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>dynalite, an in-memory DynamoDB, whose table operations complete at once.</summary>
    public static Task<StandinProcess> StartDynaliteAsync() => StartAsync(
        Path.Combine("dynalite", "cli.js"),
        port => ["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"]);

    /// <summary>fauxqs, an in-memory SQS, quiet.</summary>
    public static Task<StandinProcess> StartFauxqsAsync() => StartAsync(
        Path.Combine("fauxqs", "dist", "cli.js"),
        _ => [],
        new Dictionary<string, string> { ["FAUXQS_PORT"] = "{port}", ["FAUXQS_LOGGER"] = "false" });

    /// <summary>Starts <c>node {script} {arguments(port)}</c> and returns once the port accepts connections.</summary>
    private static async Task<StandinProcess> StartAsync(
        string script, Func<int, IEnumerable<string>> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var standins = StandinsFolder();
        var path = Path.Combine(standins, "node_modules", script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Stand-in {script} is not installed: run `npm ci --prefix tools/standins` (the repo's test command does).");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("node") { WorkingDirectory = standins, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments(port))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var standin = new StandinProcess(process, output, port);
        try
        {
            await standin.WaitUntilListeningAsync(script);
        }
        catch
        {
            await standin.DisposeAsync();
            throw;
        }
        return standin;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private async Task WaitUntilListeningAsync(string script)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Stand-in {script} exited with code {process.ExitCode}: {Output()}");
            }
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
            catch (SocketException e)
            {
                throw new TimeoutException($"Stand-in {script} did not listen on port {Port} within {StartTimeout.TotalSeconds} s: {Output()}", e);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>tools/standins</c> of the repository these tests were built from.</summary>
    private static string StandinsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StepOrders.sln")))
            {
                return Path.Combine(folder.FullName, "tools", "standins");
            }
        }
        throw new InvalidOperationException($"No StepOrders.sln above {AppContext.BaseDirectory}.");
    }
}
