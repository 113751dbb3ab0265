using System.Diagnostics;
using StepOrders.Bench;

namespace StepOrders.LambdaStartBench;

/// <summary>
/// The two builds of src/Lambda compared: the Native AOT bootstrap as deployed (<c>dotnet publish -r linux-x64</c>)
/// and the same code as a JIT build run by <c>dotnet bootstrap.dll</c>, each built into a folder of its own with its
/// own artifacts, so the repository's bin and obj stay untouched.
/// </summary>
internal sealed class LambdaBuilds(string root) : IDisposable
{
    public string AotFolder => Path.Combine(root, "aot");

    public string JitFolder => Path.Combine(root, "jit");

    public static LambdaBuilds Create() => new(Directory.CreateTempSubdirectory("steporders-lambda-bench-").FullName);

    public async Task<string> PublishAotAsync()
    {
        await DotnetAsync("publish", Project(), "-r", "linux-x64", "-c", "Release", "-o", AotFolder, "--artifacts-path", Path.Combine(root, "aot-build"));
        return Path.Combine(AotFolder, "bootstrap");
    }

    public async Task<string> BuildJitAsync()
    {
        await DotnetAsync("build", Project(), "-c", "Release", "-o", JitFolder, "--artifacts-path", Path.Combine(root, "jit-build"));
        return Path.Combine(JitFolder, "bootstrap.dll");
    }

    /// <summary>Bytes of every file in the folder: what a function's code would upload.</summary>
    public static long Size(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static async Task DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Concat(["-nologo", "-v", "quiet", "-clp:ErrorsOnly"]))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments[0]} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    private static string Project() => Path.Combine(Repository.Root(), "src", "Lambda", "StepOrders.Lambda.csproj");
}
