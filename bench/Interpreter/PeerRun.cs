using System.Diagnostics;
using System.Text.Json;

namespace StepOrders.InterpreterBench;

/// <summary>
/// The peer, <c>aws-local-stepfunctions</c> (pinned in <c>bench/peer/package.json</c> and its lock file), run by Node
/// on the same definition with local handlers doing the same work; <c>bench/peer/run.mjs</c> times it and prints one
/// JSON line. The packages are installed with <c>npm ci</c> when missing.
/// </summary>
internal static class PeerRun
{
    public static async Task<Measurement?> RunAsync(string peerFolder, int executions, TextWriter log)
    {
        if (!Directory.Exists(Path.Combine(peerFolder, "node_modules", "aws-local-stepfunctions"))
            && await RunAsync("npm", peerFolder, log, "ci", "--no-audit", "--no-fund", "--loglevel=error") is null)
        {
            return null;
        }

        var output = await RunAsync("node", peerFolder, log, "run.mjs", SixTaskMachine.DefinitionPath, executions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (output is null)
        {
            return null;
        }

        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        return new Measurement("aws-local-stepfunctions 3.0.0 (Node)", root.GetProperty("executions").GetInt32(),
            root.GetProperty("transitions").GetInt64(), TimeSpan.FromSeconds(root.GetProperty("seconds").GetDouble()));
    }

    private static async Task<string?> RunAsync(string program, string folder, TextWriter log, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode == 0)
            {
                return await output;
            }

            await log.WriteLineAsync($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            await log.WriteLineAsync($"{program} could not be started ({e.Message}); the peer is left out.");
            return null;
        }
    }
}
