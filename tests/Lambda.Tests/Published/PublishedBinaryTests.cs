using System.Diagnostics;
using System.Reflection;
using StepOrders.Api;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;
using StepOrders.Steps;
using Xunit.Abstractions;

namespace StepOrders.Lambda.Tests.Published;

/// <summary>
/// The Native AOT bootstrap, as deployed, against the runtime API emulator, with its AWS endpoints pointed at
/// dynalite, fauxqs and a Step Functions stub: dispatch by _HANDLER, each trigger's events, the error shapes
/// (named, unhandled, init), the size and the start-up time.
/// </summary>
[Collection(PublishedCollection.Name)]
public sealed class PublishedBinaryTests(PublishedBinary binary, DynaliteFixture dynalite, FauxqsFixture fauxqs, ITestOutputHelper output)
{
    public static TheoryData<string> WorkflowSteps() => Declared(FunctionTrigger.Workflow);

    public static TheoryData<string> AllFunctions() => Declared(null);

    private static TheoryData<string> Declared(FunctionTrigger? trigger)
    {
        var names = new TheoryData<string>();
        foreach (var type in typeof(StartOrderWorkflow).Assembly.GetTypes().Append(typeof(StepOrdersApi)))
        {
            if (type.GetCustomAttribute<FunctionAttribute>() is { } declaration && (trigger is null || declaration.Trigger == trigger))
            {
                names.Add(declaration.Name);
            }
        }
        return names;
    }

    internal static string SqsEvent(params (string Id, string Body)[] messages) =>
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
    public void The_bootstrap_needs_no_glibc_newer_than_the_2_34_of_provided_al2023()
    {
        // The dynamic symbol versions a Native AOT binary needs are named in its .dynstr as GLIBC_2.N.
        var text = System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(binary.Bootstrap));
        var needed = System.Text.RegularExpressions.Regex.Matches(text, @"GLIBC_2\.(\d+)")
            .Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.NotEmpty(needed);
        Assert.True(needed.Max() <= 34, $"The bootstrap needs GLIBC_2.{needed.Max()}; provided.al2023 has 2.34. Publish on a system with glibc 2.34 or older.");
    }

    [Fact]
    public async Task Cold_start_is_reported_from_process_start_to_the_first_response()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        var order = await aws.PlaceAsync();
        var starter = new List<double>();
        var step = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            starter.Add(await ColdStartAsync("StartOrderWorkflow", SqsEvent(("m-1", "not an order")), aws));
            step.Add(await ColdStartAsync("CompleteOrder", """{"orderId":"ord_nope"}""", aws));
        }
        var firstRead = await ColdStartAsync("ValidateOrder", $$"""{"orderId":"{{order.Id}}"}""", aws);
        await aws.ApiKeys.BindAsync(ApiOnStandinsTests.DocumentedKey, CancellationToken.None);
        ApiOnStandinsTests.NoExecutionYet(aws);
        var api = await ColdStartAsync("Api", ApiOnStandinsTests.GetOrder(order.Id.Value), aws);
        output.WriteLine($"cold start, process start to first response, 5 runs each: {Summary("StartOrderWorkflow (no AWS call)", starter)}; {Summary("CompleteOrder (no AWS call)", step)}");
        output.WriteLine($"cold start with a first DynamoDB read and write (ValidateOrder on dynalite): {firstRead:0.0} ms");
        output.WriteLine($"cold start of the API with a key and an order read from dynalite (GET /orders/{{id}}): {api:0.0} ms");
    }

    private async Task<double> ColdStartAsync(string handler, string payload, AwsStandins aws)
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync(payload);
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, handler, aws.Environment);
        var first = await reply;
        Assert.False(runtimeApi.InitError.IsCompleted, function.Output);
        return Stopwatch.GetElapsedTime(function.StartedAt, first.ReceivedAt).TotalMilliseconds;
    }

    private static string Summary(string what, List<double> times)
    {
        times.Sort();
        return $"{what} min {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms";
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public async Task Every_declared_function_starts_and_answers_its_first_invocation(string name)
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync("{}");
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, name, aws.Environment);

        var answer = await reply;

        Assert.False(runtimeApi.InitError.IsCompleted, function.Output);
        Assert.NotEmpty(answer.Body);
    }

    [Theory]
    [MemberData(nameof(WorkflowSteps))]
    public async Task A_step_reports_input_it_cannot_read_as_Order_Invalid(string step)
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var notJson = runtimeApi.InvokeAsync("{not json");
        var badId = runtimeApi.InvokeAsync("""{"orderId":"ord_nope","attempt":0}""");
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, step, aws.Environment);

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
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        var environment = new Dictionary<string, string>(aws.Environment) { [LambdaEnvironment.OrdersTable] = "no-such-table" };
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync($$"""{"orderId":"{{OrderId.New(DateTimeOffset.UtcNow)}}"}""");
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "ValidateOrder", environment);

        var error = await reply;

        Assert.Equal("ResourceNotFoundException", error.ErrorType);
        Assert.Equal(error.ErrorType, error.ErrorTypeHeader);
        Assert.False(string.IsNullOrEmpty(error.ErrorMessage));
        Assert.NotEmpty(error.Json["stackTrace"]!.AsArray());
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
    public async Task A_function_without_its_settings_is_an_init_error_naming_the_setting()
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "StartOrderWorkflow",
            new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1", ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" });

        var error = await runtimeApi.InitError.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RuntimeErrors.ConfigInvalid, error.ErrorType);
        Assert.Contains(LambdaEnvironment.StateMachineArn, error.ErrorMessage, StringComparison.Ordinal);
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
