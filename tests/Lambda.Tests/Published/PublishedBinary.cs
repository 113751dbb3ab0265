using System.Diagnostics;

namespace StepOrders.Lambda.Tests.Published;

/// <summary>
/// Publishes the Lambda host once, Native AOT for linux-x64 as the stack deploys it, into a folder of its own.
/// The build goes to its own artifacts folder too, so it never touches the repository's bin and obj.
/// </summary>
public sealed class PublishedBinary : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "steporders-lambda-" + Guid.NewGuid().ToString("N")[..12]);

    public string Folder => Path.Combine(_root, "publish");

    public string Bootstrap => Path.Combine(Folder, "bootstrap");

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "Lambda", "StepOrders.Lambda.csproj");
        var publish = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", project, "-r", "linux-x64", "-c", "Release", "-o", Folder,
                "--artifacts-path", Path.Combine(_root, "build"), "-nologo", "-v", "quiet", "-clp:ErrorsOnly",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's own MSBuild variables would steer the nested build.
        publish.Environment.Remove("MSBuildExtensionsPath");
        publish.Environment.Remove("MSBUILD_EXE_PATH");
        publish.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        if (process.ExitCode != 0 || !File.Exists(Bootstrap))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
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
