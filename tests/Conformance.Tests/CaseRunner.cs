using System.Text.Json.Nodes;
using StepOrders.Workflow;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Conformance.Tests;

/// <summary>
/// Runs a case through the runtime in memory (<see cref="SingleExecution"/>) and compares the closed
/// execution with AWS's recording. Task states are answered from the case's task stubs: the n-th call
/// of state S gets the n-th stub recorded for S, and its payload must be the one AWS sent.
/// </summary>
internal static class CaseRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<CaseResult> RunAsync(ConformanceCase testCase)
    {
        var stubs = new StubbedLambdas(testCase.TaskStubs);
        ExecutionDescription run;
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            run = await SingleExecution.RunAsync(testCase.Definition, testCase.Input, stubs.Registry(testCase.Definition), timeout.Token);
        }
        catch (WorkflowApiException e)
        {
            return new CaseResult(Verdict.NotSupported, $"{e.ErrorCode}: {OneLine(e.Message)}");
        }
#pragma warning disable CA1031 // A runtime bug in one case is that case's failure, reported with the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new CaseResult(Verdict.Failed, $"{e.GetType().Name}: {OneLine(e.Message)}");
        }

        if (stubs.Mismatch is { } mismatch)
        {
            return new CaseResult(Verdict.Failed, mismatch);
        }

        return Compare(testCase, run);
    }

    private static CaseResult Compare(ConformanceCase testCase, ExecutionDescription run)
    {
        var status = run.Status.ToAwsName();
        if (IsUnsupported(run.Cause))
        {
            return new CaseResult(Verdict.NotSupported, $"got {status} {run.Error}: {OneLine(run.Cause)}");
        }

        if (status != testCase.ExpectedStatus || run.Error != testCase.ExpectedError)
        {
            return new CaseResult(Verdict.Failed,
                $"expected {testCase.ExpectedStatus} {testCase.ExpectedError}, got {status} {run.Error}: {OneLine(run.Cause ?? run.Output)}");
        }

        if (run.Status == ExecutionStatus.Succeeded)
        {
            var output = run.Output is null ? null : JsonNode.Parse(run.Output);
            return JsonSemantics.AreEqual(testCase.ExpectedOutput, output)
                ? new CaseResult(Verdict.Passed, "")
                : new CaseResult(Verdict.Failed,
                    $"output {OneLine(run.Output)} ≠ expected {OneLine(testCase.ExpectedOutput?.ToJsonString() ?? "null")}");
        }

        return run.Cause == testCase.ExpectedCause
            ? new CaseResult(Verdict.Passed, "")
            : new CaseResult(Verdict.CauseDiffers, $"cause {OneLine(run.Cause)} ≠ expected {OneLine(testCase.ExpectedCause)}");
    }

    private static bool IsUnsupported(string? cause) =>
        cause is not null && cause.Contains("not supported", StringComparison.OrdinalIgnoreCase);

    private static string OneLine(string? text)
    {
        var line = (text ?? "null").ReplaceLineEndings(" ");
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    /// <summary>The Lambda functions of a task-stubbed case, answering from the recorded invocations.</summary>
    private sealed class StubbedLambdas(IReadOnlyList<TaskStub> stubs)
    {
        private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public string? Mismatch { get; private set; }

        public TaskHandlerRegistry Registry(string definition)
        {
            var registry = new TaskHandlerRegistry();
            foreach (var resource in LambdaArns(JsonNode.Parse(definition)).Distinct(StringComparer.Ordinal))
            {
                registry.Register(resource, Invoke);
            }

            return registry;
        }

        private ValueTask<JsonNode?> Invoke(JsonNode? payload, TaskContext context, CancellationToken cancellationToken)
        {
            TaskStub stub;
            lock (gate)
            {
                var n = calls.GetValueOrDefault(context.StateName);
                calls[context.StateName] = n + 1;
                var recorded = stubs.Where(s => s.State == context.StateName).ToList();
                if (n >= recorded.Count)
                {
                    Mismatch ??= $"state {context.StateName} called the function {n + 1} times; AWS recorded {recorded.Count}";
                    throw new TaskFailedException("Conformance.NoStub", "No recorded invocation left.");
                }

                stub = recorded[n];
                if (!JsonSemantics.AreEqual(stub.Input, payload))
                {
                    Mismatch ??= $"state {context.StateName} call {n + 1}: payload {payload?.ToJsonString() ?? "null"} ≠ recorded {stub.Input?.ToJsonString() ?? "null"}";
                }
            }

            return stub.Error is { } error
                ? throw new TaskFailedException(error, stub.Cause)
                : ValueTask.FromResult(stub.Result?.DeepClone());
        }

        private static IEnumerable<string> LambdaArns(JsonNode? node) => node switch
        {
            JsonObject o => o.SelectMany(p => LambdaArns(p.Value)),
            JsonArray a => a.SelectMany(LambdaArns),
            JsonValue v when v.TryGetValue<string>(out var text) && text.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) => [text],
            _ => [],
        };
    }
}
