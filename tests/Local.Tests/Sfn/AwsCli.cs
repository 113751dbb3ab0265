using System.Diagnostics;
using System.Text.Json;

namespace StepOrders.Local.Tests.Sfn;

/// <summary>
/// Runs <c>aws stepfunctions …</c> against the host, as a user would: the admin key as <c>AWS_ACCESS_KEY_ID</c>, any
/// secret, no profile or config file of the machine's, and host prefix injection off (StartSyncExecution and TestState
/// would otherwise go to <c>sync-127.0.0.1</c>).
/// </summary>
public sealed class AwsCli(Uri endpoint, string accessKeyId)
{
    public static readonly string? Path = Find();

    public async Task<AwsCliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? "aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["stepfunctions", .. arguments, "--endpoint-url", endpoint.ToString(), "--region", "us-east-1", "--output", "json"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = accessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "x";
        start.Environment["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment.Remove("AWS_SESSION_TOKEN");
        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new AwsCliResult(process.ExitCode, await output, await error);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "aws"))
            .FirstOrDefault(File.Exists);
}

/// <summary>What one CLI call printed; <see cref="Json"/> reads stdout.</summary>
public sealed record AwsCliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json
    {
        get
        {
            Assert.True(ExitCode == 0, $"aws exited {ExitCode}: {Error}");
            return JsonDocument.Parse(Output).RootElement.Clone();
        }
    }
}

/// <summary>A test that needs the AWS CLI; skipped, saying so, on a machine without <c>aws</c> on its PATH.</summary>
public sealed class AwsCliFactAttribute : FactAttribute
{
    public AwsCliFactAttribute()
    {
        if (AwsCli.Path is null)
        {
            Skip = "The AWS CLI (aws) is not on PATH; scripts/test installs Debian's awscli.";
        }
    }
}
