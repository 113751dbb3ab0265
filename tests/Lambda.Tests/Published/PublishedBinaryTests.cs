using System.Diagnostics;
using System.Reflection;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;
using StepOrders.Steps;
using Xunit.Abstractions;

namespace StepOrders.Lambda.Tests.Published;

/// <summary>
/// The Native AOT binary, as deployed, against the runtime API emulator. Until the adapters of src/Aws are composed,
/// the binary's ports fail on use, so these tests cover what needs no AWS: dispatch by _HANDLER, each trigger's event
/// handling, the error shapes (named, unhandled, init) and the start-up time. Store-backed step behaviour is covered
/// in process (Functions/); with the adapters composed, it can run here against dynalite.
/// </summary>
public sealed class PublishedBinaryTests(PublishedBinary binary, ITestOutputHelper output) : IClassFixture<PublishedBinary>
{
    private const string UnknownOrder = "ord_01KAWSQZ9X8J6N4M2P0R7T5V3B";

    public static TheoryData<string> WorkflowSteps() => Declared(FunctionTrigger.Workflow);

    public static TheoryData<string> AllFunctions() => Declared(null);

    private static TheoryData<string> Declared(FunctionTrigger? trigger)
    {
        var names = new TheoryData<string>();
        foreach (var type in typeof(StartOrderWorkflow).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<FunctionAttribute>() is { } declaration && (trigger is null || declaration.Trigger == trigger))
            {
                names.Add(declaration.Name);
            }
        }
        return names;
    }

    private static string SqsEvent(params (string Id, string Body)[] messages) =>
        "{\"Records\":[" + string.Join(",", messages.Select(m =>
            $$"""{"messageId":"{{m.Id}}","receiptHandle":"rh-{{m.Id}}","body":{{System.Text.Json.JsonSerializer.Serialize(m.Body)}},"attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1764061200000"},"eventSource":"aws:sqs"}""")) + "]}";

    [Fact]
    public void The_function_code_is_one_executable_named_bootstrap()
    {
        var files = Directory.GetFiles(binary.Folder).Select(Path.GetFileName);

        Assert.Equal(["bootstrap"], files);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(binary.Bootstrap).HasFlag(UnixFileMode.UserExecute));
        output.WriteLine($"bootstrap: {new FileInfo(binary.Bootstrap).Length / 1024.0 / 1024.0:0.0} MiB");
    }

    [Fact]
    public async Task Cold_start_is_reported_from_process_start_to_the_first_response()
    {
        var coldStarts = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
            var reply = runtimeApi.InvokeAsync(SqsEvent(("m-1", "not an order")));
            await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "StartOrderWorkflow");

            var response = await reply;

            Assert.False(response.IsError, function.Output);
            coldStarts.Add(Stopwatch.GetElapsedTime(function.StartedAt, response.ReceivedAt).TotalMilliseconds);
        }
        coldStarts.Sort();
        output.WriteLine($"cold start, process start to first response (5 runs): min {coldStarts[0]:0.0} ms, median {coldStarts[2]:0.0} ms, max {coldStarts[^1]:0.0} ms");
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public async Task Every_declared_function_starts_and_answers_its_first_invocation(string name)
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync("{}");
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, name);

        var answer = await reply;

        Assert.False(runtimeApi.InitError.IsCompleted, function.Output);
        Assert.NotEmpty(answer.Body);
    }

    [Theory]
    [MemberData(nameof(WorkflowSteps))]
    public async Task A_step_reports_input_it_cannot_read_as_Order_Invalid(string step)
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var notJson = runtimeApi.InvokeAsync("{not json");
        var badId = runtimeApi.InvokeAsync("""{"orderId":"ord_nope","attempt":0}""");
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, step);

        foreach (var reply in new[] { await notJson, await badId })
        {
            Assert.Equal(OrderErrors.Invalid, reply.ErrorType);
            Assert.Equal(OrderErrors.Invalid, reply.ErrorTypeHeader);
            Assert.False(string.IsNullOrEmpty(reply.ErrorMessage));
        }
    }

    [Fact]
    public async Task An_exception_is_an_error_with_its_type_message_and_stack()
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync($$"""{"orderId":"{{UnknownOrder}}"}""");
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "ValidateOrder");

        var error = await reply;

        Assert.True(error.IsError);
        Assert.DoesNotContain("Order.", error.ErrorType, StringComparison.Ordinal);
        Assert.Equal(error.ErrorType, error.ErrorTypeHeader);
        Assert.False(string.IsNullOrEmpty(error.ErrorMessage));
        Assert.NotEmpty(error.Json["stackTrace"]!.AsArray());
    }

    [Fact]
    public async Task The_starter_answers_with_the_messages_to_deliver_again()
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync(SqsEvent(("m-bad", "not an order"), ("m-good", $$"""{"orderId":"{{UnknownOrder}}"}""")));
        var notSqs = runtimeApi.InvokeAsync("""{"source":"aws.events"}""");
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "StartOrderWorkflow");

        // Without the Step Functions adapter the start of m-good fails too, so both go back to the queue.
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m-bad"},{"itemIdentifier":"m-good"}]}""", (await reply).Body);
        Assert.Equal(RuntimeErrors.InvalidEvent, (await notSqs).ErrorType);
    }

    [Fact]
    public async Task An_unknown_handler_is_an_init_error_and_the_process_exits()
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "NoSuchFunction");

        var error = await runtimeApi.InitError.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RuntimeErrors.NoSuchHandler, error.ErrorType);
        Assert.Equal(1, await function.ExitCodeAsync());
    }

    [Fact]
    public async Task Without_AWS_LAMBDA_RUNTIME_API_the_process_exits_with_a_message()
    {
        await using var function = FunctionProcess.Start(binary.Bootstrap, null, "ValidateOrder");

        Assert.Equal(2, await function.ExitCodeAsync());
        Assert.Contains("AWS_LAMBDA_RUNTIME_API", function.Output, StringComparison.Ordinal);
    }
}
