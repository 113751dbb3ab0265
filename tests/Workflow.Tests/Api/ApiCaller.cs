using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Api;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests.Api;

/// <summary>The Step Functions API over a test runtime, called as a transport would call it.</summary>
internal sealed class ApiCaller : IAsyncDisposable
{
    public const string Arn = "arn:aws:states:us-east-1:123456789012:";

    public ApiCaller(TaskHandlerRegistry? handlers = null, bool autoAdvance = true)
    {
        Test = new TestRuntime(handlers, autoAdvance: autoAdvance);
        Api = new StepFunctionsApi(Test.Runtime, Test.Handlers, new WorkflowOptions(), Test.Clock);
    }

    public TestRuntime Test { get; }

    public StepFunctionsApi Api { get; }

    public static string MachineArn(string name) => Arn + "stateMachine:" + name;

    public static string ExecutionArn(string machine, string name) => Arn + "execution:" + machine + ":" + name;

    public async Task<ApiReply> CallAsync(string operation, JsonObject request) =>
        await CallRawAsync("AWSStepFunctions." + operation, request.ToJsonString());

    public async Task<ApiReply> CallRawAsync(string? target, string body)
    {
        var reply = await Api.HandleAsync(target, Encoding.UTF8.GetBytes(body), TestRuntime.Timeout);
        return new ApiReply(reply.StatusCode, JsonDocument.Parse(reply.Body).RootElement.Clone());
    }

    /// <summary>Calls an operation that must succeed and returns its answer.</summary>
    public async Task<JsonElement> OkAsync(string operation, JsonObject request)
    {
        var reply = await CallAsync(operation, request);
        Assert.True(reply.Status == 200, $"{operation} answered {reply.Status}: {reply.Body}");
        return reply.Body;
    }

    public Task<JsonElement> CreateAsync(string name, string definition) =>
        OkAsync("CreateStateMachine", new JsonObject { ["name"] = name, ["definition"] = definition, ["roleArn"] = "arn:aws:iam::123456789012:role/r" });

    public async Task<string> StartAsync(string machine, string name, string input = "{}")
    {
        var started = await OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = MachineArn(machine), ["name"] = name, ["input"] = input });
        return started.GetProperty("executionArn").GetString()!;
    }

    public async Task<JsonElement> CompletedAsync(string executionArn)
    {
        await Test.Runtime.WaitForCompletionAsync(executionArn, TestRuntime.Timeout);
        return await OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn });
    }

    public ValueTask DisposeAsync() => Test.DisposeAsync();
}

/// <summary>An answer: the status code and the JSON body.</summary>
internal sealed record ApiReply(int Status, JsonElement Body)
{
    /// <summary>The code after the <c>#</c> of <c>__type</c>, as the AWS SDKs read it.</summary>
    public string? ErrorCode => Body.TryGetProperty("__type", out var type) ? type.GetString()!.Split('#')[^1] : null;

    public string Message => Body.GetProperty("message").GetString()!;
}
