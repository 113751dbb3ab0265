using System.Diagnostics;
using System.Text;

namespace StepOrders.Lambda.Tests.Published;

/// <summary>The published bootstrap started as Lambda starts it: AWS_LAMBDA_RUNTIME_API and _HANDLER in its environment.</summary>
internal sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private FunctionProcess(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>What the function wrote (its JSON log lines), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static FunctionProcess Start(string bootstrap, string? runtimeApi, string handler, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(bootstrap)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        if (runtimeApi is not null)
        {
            start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        }
        start.Environment["_HANDLER"] = handler;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start)!;
        var function = new FunctionProcess(process, startedAt);
        process.OutputDataReceived += (_, line) => function.Append(line.Data);
        process.ErrorDataReceived += (_, line) => function.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return function;
    }

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
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
    }
}
