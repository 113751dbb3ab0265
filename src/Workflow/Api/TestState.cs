using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Api;

/// <summary>
/// TestState: runs one state on a given input in a runtime of its own (in memory, waits skipped) with the host's
/// task handlers, or with <c>mock</c>'s result or error instead of the Task's resource, and answers as AWS does:
/// status SUCCEEDED (output, nextState), FAILED (error, cause), RETRIABLE (a retrier matches and has attempts
/// left, counting <c>stateConfiguration.retrierRetryCount</c> as made) or CAUGHT_ERROR (the catcher's output and
/// Next). DEBUG and TRACE add the inspection data: the input after each processing step.
/// </summary>
internal static class TestState
{
    private const string MockResource = "arn:aws:lambda:us-east-1:000000000000:function:TestStateMock";
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var definition = request.RequiredString("definition");
        request.String("roleArn");
        request.Bool("revealSecrets");
        request.String("context");
        var input = request.String("input") ?? "{}";
        var inspect = (request.Enum("inspectionLevel", "INFO", "DEBUG", "TRACE") ?? "INFO") != "INFO";
        var retriesMade = request.Object("stateConfiguration") is { } configuration
            ? new ApiRequest(configuration).Int("retrierRetryCount", 0, int.MaxValue) ?? 0
            : 0;
        var handlers = Mock(request.Object("mock"), out var mocked) ?? services.Handlers;
        var machine = TestStateMachine.Build(definition, request.String("stateName"), Variables(request.String("variables")), mocked ? MockResource : null);

        var run = await RunAsync(machine, input, handlers, services, cancellationToken);
        var verdict = TestStateVerdict.Of(machine, run, retriesMade);
        response.WriteString("status", verdict.Status);
        response.WriteOptional("output", verdict.Output);
        response.WriteOptional("error", verdict.Error);
        response.WriteOptional("cause", verdict.Cause);
        response.WriteOptional("nextState", verdict.NextState);
        if (inspect)
        {
            response.WritePropertyName("inspectionData");
            TestStateInspection.Write(response, machine.State, run, verdict);
        }
    }

    private static async Task<TestStateRun> RunAsync(
        TestStateMachine machine, string input, TaskHandlerRegistry handlers, ApiServices services, CancellationToken cancellationToken)
    {
        var options = new WorkflowOptions { TimeScale = 0, Region = services.Options.Region, AccountId = services.Options.AccountId };
        var runtime = new WorkflowRuntime(options, handlers, services.Time);
        await using (runtime)
        {
            var created = await runtime.CreateStateMachineAsync("TestState", machine.Runnable, cancellationToken: cancellationToken);
            var started = await runtime.StartExecutionAsync(created.StateMachineArn, "test", input, cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(MaxDuration);
            ExecutionDescription execution;
            try
            {
                execution = await runtime.WaitForCompletionAsync(started.ExecutionArn, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                execution = await runtime.StopExecutionAsync(started.ExecutionArn, ErrorNames.Timeout, "TestState ran for more than five minutes.", cancellationToken);
            }

            var history = await runtime.GetExecutionHistoryAsync(started.ExecutionArn, maxResults: 1000, cancellationToken: cancellationToken);
            return new TestStateRun(execution, history.Events, machine.StateName);
        }
    }

    /// <summary>A mock answers for the Task's resource: its result as the task's result, or its error.</summary>
    private static TaskHandlerRegistry? Mock(JsonElement? mock, out bool mocked)
    {
        mocked = mock is not null;
        if (mock is not { } members)
        {
            return null;
        }

        var request = new ApiRequest(members);
        request.Enum("fieldValidationMode", "STRICT", "PRESENT", "NONE");
        var result = request.String("result");
        var error = request.Object("errorOutput") is { } errorOutput ? new ApiRequest(errorOutput) : (ApiRequest?)null;
        if ((result is null) == (error is null))
        {
            throw new WorkflowApiException(WorkflowErrorCodes.ValidationException, "A mock has either a result or an errorOutput.");
        }

        JsonNode? value;
        try
        {
            value = result is null ? null : JsonNode.Parse(result);
        }
        catch (JsonException e)
        {
            throw new WorkflowApiException(WorkflowErrorCodes.ValidationException, $"The mock result is not JSON: {e.Message}");
        }

        var failure = error is { } e2 ? (Error: e2.String("error") ?? ErrorNames.TaskFailed, Cause: e2.String("cause")) : default;
        return new TaskHandlerRegistry().Register(MockResource, (_, _, _) => error is null
            ? ValueTask.FromResult(value?.DeepClone())
            : throw new TaskFailedException(failure.Error, failure.Cause));
    }

    private static JsonObject? Variables(string? variables)
    {
        if (variables is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(variables) as JsonObject
                ?? throw new WorkflowApiException(WorkflowErrorCodes.ValidationException, "variables must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new WorkflowApiException(WorkflowErrorCodes.ValidationException, $"variables is not JSON: {e.Message}");
        }
    }
}
