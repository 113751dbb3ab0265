using StepOrders.Api.Access;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Lambda.Tests.ApiGateway;
using StepOrders.Orders;

namespace StepOrders.Lambda.Tests.Published;

/// <summary>
/// The published bootstrap as the API function, fed API Gateway's documented proxy events, with its ports on
/// dynalite and fauxqs and the key API Gateway checked bound in the api-keys table.
/// </summary>
[Collection(PublishedCollection.Name)]
public sealed class ApiOnStandinsTests(PublishedBinary binary, DynaliteFixture dynalite, FauxqsFixture fauxqs)
{
    /// <summary>The key of the documented events, bound to the customer the documented order is for.</summary>
    internal static ApiKey DocumentedKey => GatewayKeys.Key(customerId: "cust-1");

    internal static string GetOrder(string orderId) => ProxyEvents.GetOrder(orderId).ToJsonString();

    /// <summary>Step Functions has not started the order's execution yet: the stub answers DescribeExecution so.</summary>
    internal static void NoExecutionYet(AwsStandins aws) =>
        aws.StepFunctions.Answer("DescribeExecution", """{"__type":"ExecutionDoesNotExist","message":"Execution Does Not Exist"}""", 400);

    [Fact]
    public async Task The_API_places_an_order_in_DynamoDB_queues_it_in_SQS_and_shows_it()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        await aws.ApiKeys.BindAsync(DocumentedKey, CancellationToken.None);
        NoExecutionYet(aws);
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var placing = runtimeApi.InvokeAsync(ProxyEvents.PostOrders().ToJsonString());
        var placingAgain = runtimeApi.InvokeAsync(ProxyEvents.PostOrders().ToJsonString());
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "Api", aws.Environment);

        var placed = new ProxyAnswer((await placing).Json);
        var placedAgain = new ProxyAnswer((await placingAgain).Json);

        Assert.False(runtimeApi.InitError.IsCompleted, function.Output);
        Assert.Equal(201, placed.StatusCode);
        var orderId = OrderId.Parse((string)placed.Body["orderId"]!);
        Assert.Equal($"/orders/{orderId}", placed.Header("Location"));
        // The same Idempotency-Key and body: the first order again, through the idempotency table.
        Assert.Equal(201, placedAgain.StatusCode);
        Assert.Equal(orderId.Value, (string?)placedAgain.Body["orderId"]);
        Assert.Equal(OrderStatus.Pending, (await aws.Store.GetAsync(orderId, CancellationToken.None))?.Status);
        var queued = await aws.Queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Contains(orderId.Value, Assert.Single(queued).Body, StringComparison.Ordinal);

        var shown = new ProxyAnswer((await runtimeApi.InvokeAsync(GetOrder(orderId.Value))).Json);
        var missing = new ProxyAnswer((await runtimeApi.InvokeAsync(ProxyEvents.GetOrder().ToJsonString())).Json);
        var asked = new ProxyAnswer((await runtimeApi.InvokeAsync(AskChatbot($"Where is my order {orderId}?"))).Json);

        Assert.Equal(200, shown.StatusCode);
        Assert.Equal("PENDING", (string?)shown.Body["status"]);
        Assert.Equal("NOT_STARTED", (string?)shown.Body["execution"]!["status"]);
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Header("Content-Type"));
        // The order assistant, from its templates on Lambda, about the key's customer's orders in DynamoDB.
        Assert.Equal(200, asked.StatusCode);
        Assert.Equal("template", (string?)asked.Body["source"]);
        Assert.Equal([orderId.Value], asked.Body["orderIds"]!.AsArray().Select(id => (string)id!));
    }

    /// <summary>The documented POST event, as <c>POST /chatbot</c> with <paramref name="message"/>.</summary>
    private static string AskChatbot(string message)
    {
        var request = ProxyEvents.PostOrders();
        request["path"] = "/chatbot";
        request["pathParameters"]!["proxy"] = "chatbot";
        request["body"] = new System.Text.Json.Nodes.JsonObject { ["message"] = message }.ToJsonString();
        request["headers"]!.AsObject().Remove("Idempotency-Key");
        request["multiValueHeaders"]!.AsObject().Remove("Idempotency-Key");
        return request.ToJsonString();
    }

    [Fact]
    public async Task A_key_bound_to_no_caller_is_a_401_problem()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync(ProxyEvents.GetOrder().ToJsonString());
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "Api", aws.Environment);

        var answer = new ProxyAnswer((await reply).Json);

        Assert.Equal(401, answer.StatusCode);
    }

    [Fact]
    public async Task The_API_without_its_keys_table_is_an_init_error_naming_the_setting()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        var environment = new Dictionary<string, string>(aws.Environment);
        environment.Remove(LambdaEnvironment.ApiKeysTable);
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, "Api", environment);

        var error = await runtimeApi.InitError.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(LambdaEnvironment.ApiKeysTable, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, await function.ExitCodeAsync());
    }
}
