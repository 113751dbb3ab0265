using System.Diagnostics;

namespace StepOrders.Bench;

/// <summary>The Release build of the local host (src/Local) that the benchmarks start as <c>dotnet StepOrders.Local.dll</c>.</summary>
internal static class LocalHostBuild
{
    /// <summary>Where the build puts the host: <c>--no-build</c> runs what is there.</summary>
    public static string Dll => Path.Combine(Repository.Root(), "src", "Local", "bin", "Release", "net10.0", "StepOrders.Local.dll");

    /// <summary>Builds src/Local in Release and returns the host's dll.</summary>
    public static async Task<string> BuildAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root(),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "build", "-c", "Release", "-v", "q", "-nologo", "src/Local/StepOrders.Local.csproj" })
        {
            start.ArgumentList.Add(argument);
        }
        using var build = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        return build.ExitCode == 0
            ? Dll
            : throw new InvalidOperationException($"Building src/Local (Release) failed:\n{await output}\n{await errors}");
    }
}
