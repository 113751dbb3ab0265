using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps.Tests;

namespace StepOrders.Lambda.Tests.ApiGateway;

/// <summary>The API function in this process (JIT), fed API Gateway's documented proxy events, over in-memory ports.</summary>
public sealed class ApiFunctionTests
{
    private readonly InMemoryShop _shop = new();
    private readonly RecordingIntake _intake = new();

    private Task<InProcessLambda> StartAsync(params ApiKey[] keys) =>
        InProcessLambda.StartAsync("Api", _shop, new RecordingWorkflow(), services =>
        {
            services.AddSingleton<IOrderIntake>(_intake);
            services.AddSingleton<IOrderQueue>(new UnusedQueue());
            services.AddSingleton<IGatewayApiKeyStore>(new GatewayKeys(keys));
        });

    private async Task<ProxyAnswer> SendAsync(InProcessLambda lambda, JsonObject request)
    {
        // The deadline on the host's (fake) clock: the request is aborted when it passes.
        var reply = await lambda.RuntimeApi.InvokeAsync(request.ToJsonString(), _shop.Clock.GetUtcNow().AddSeconds(30));
        Assert.False(reply.IsError, reply.Body);
        return new ProxyAnswer(reply.Json);
    }

    [Fact]
    public async Task POST_orders_places_the_order_and_answers_201_with_its_Location()
    {
        await using var lambda = await StartAsync(GatewayKeys.Key());

        var answer = await SendAsync(lambda, ProxyEvents.PostOrders());

        Assert.Equal(201, answer.StatusCode);
        var (order, claim) = Assert.Single(_intake.Accepted);
        Assert.Equal($"/orders/{order.Id}", answer.Header("Location"));
        Assert.StartsWith("application/json", answer.Header("Content-Type"), StringComparison.Ordinal);
        Assert.False(answer.IsBase64Encoded);
        Assert.Equal(order.Id.Value, (string?)answer.Body["orderId"]);
        Assert.Equal("PENDING", (string?)answer.Body["status"]);
        Assert.Equal("cust-1", order.CustomerId);
        // The Idempotency-Key header reached the endpoint, scoped to the key API Gateway checked.
        Assert.Equal("first-try", claim?.Key);
        Assert.Equal(GatewayKeys.DocumentedKeyId, claim?.Scope);
    }

    [Fact]
    public async Task A_base64_encoded_body_is_decoded()
    {
        await using var lambda = await StartAsync(GatewayKeys.Key());
        var request = ProxyEvents.PostOrders();
        request["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((string)request["body"]!));
        request["isBase64Encoded"] = true;

        var answer = await SendAsync(lambda, request);

        Assert.Equal(201, answer.StatusCode);
    }

    [Fact]
    public async Task GET_of_an_unknown_order_is_a_404_problem()
    {
        await using var lambda = await StartAsync(GatewayKeys.Key());

        var answer = await SendAsync(lambda, ProxyEvents.GetOrder());

        Assert.Equal(404, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Header("Content-Type"));
        Assert.Equal(404, (int)answer.Body["status"]!);
        Assert.Contains("ord_01KB0000000000000000000000", (string?)answer.Body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GET_of_an_order_answers_it_with_its_history_and_execution()
    {
        var order = _shop.Place();
        await using var lambda = await StartAsync(GatewayKeys.Key(customerId: "cust-1"));

        var answer = await SendAsync(lambda, ProxyEvents.GetOrder(order.Id.Value));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(order.Id.Value, (string?)answer.Body["orderId"]);
        Assert.Equal("PENDING", (string?)answer.Body["history"]![0]!["status"]);
        Assert.NotNull(answer.Body["execution"]);
    }

    [Fact]
    public async Task A_key_bound_to_a_customer_does_not_see_another_customer_s_order()
    {
        var order = _shop.Place();
        await using var lambda = await StartAsync(GatewayKeys.Key(customerId: "cust-2"));

        var answer = await SendAsync(lambda, ProxyEvents.GetOrder(order.Id.Value));

        Assert.Equal(404, answer.StatusCode);
    }

    [Fact]
    public async Task A_key_API_Gateway_checked_but_bound_to_no_caller_is_a_401_problem()
    {
        await using var lambda = await StartAsync();

        var answer = await SendAsync(lambda, ProxyEvents.GetOrder());

        Assert.Equal(401, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Header("Content-Type"));
    }

    [Fact]
    public async Task Admin_routes_need_an_admin_key()
    {
        await using var lambda = await StartAsync(GatewayKeys.Key());
        var request = ProxyEvents.GetOrder();
        request["path"] = "/admin/dead-letters";

        var answer = await SendAsync(lambda, request);

        Assert.Equal(403, answer.StatusCode);
    }

    [Fact]
    public async Task Query_parameters_reach_the_endpoint_from_the_multi_value_map()
    {
        await using var lambda = await StartAsync(GatewayKeys.Key());
        var request = ProxyEvents.GetOrder();
        request["path"] = "/customers/cust-1/orders";
        request["queryStringParameters"] = new JsonObject { ["limit"] = "1000" };
        request["multiValueQueryStringParameters"] = new JsonObject { ["limit"] = new JsonArray("1000") };

        var answer = await SendAsync(lambda, request);

        Assert.Equal(400, answer.StatusCode);
        Assert.NotNull(answer.Body["errors"]!["limit"]);
    }

    [Fact]
    public async Task Each_request_is_written_as_EMF_by_method_route_and_code_under_the_stage_before_its_invocation_answers()
    {
        var order = _shop.Place();
        await using var lambda = await StartAsync(GatewayKeys.Key(customerId: "cust-1"));

        await SendAsync(lambda, ProxyEvents.PostOrders());
        var afterPost = lambda.MetricLines.Count(line => line["ApiRequestDuration"] is not null);
        await SendAsync(lambda, ProxyEvents.GetOrder(order.Id.Value));

        var requests = lambda.MetricLines.Where(line => line["ApiRequestDuration"] is not null).ToList();
        Assert.Equal(1, afterPost);
        Assert.Equal(["POST /orders/ 201", "GET /orders/{orderId} 200"], requests.Select(line => $"{line["method"]} {line["route"]} {line["code"]}"));
        Assert.All(requests, line =>
        {
            Assert.Equal(("StepOrders", InProcessLambda.Stage, "Api"), ((string?)line["Service"], (string?)line["Stage"], (string?)line["Function"]));
            var directive = line["_aws"]!["CloudWatchMetrics"]![0]!;
            Assert.Equal(["Service", "Stage", "Function"], directive["Dimensions"]![0]!.AsArray().Select(d => (string?)d));
            Assert.Equal("Milliseconds", (string?)directive["Metrics"]!.AsArray().Single(m => (string?)m!["Name"] == "ApiRequestDuration")!["Unit"]);
            Assert.Equal(JsonValueKind.Number, line["ApiRequestDuration"]!.GetValueKind());
        });
        // One invocation, one request: each line carries its own invocation's request id.
        Assert.Equal(2, requests.Select(line => (string?)line["requestId"]).Distinct().Count());
    }

    [Fact]
    public async Task A_request_the_pipeline_answers_with_500_is_written_with_its_code_and_route()
    {
        await using var lambda = await InProcessLambda.StartAsync("Api", _shop, new RecordingWorkflow(), services =>
        {
            services.AddSingleton<IOrderIntake>(_intake);
            services.AddSingleton<IOrderQueue>(new UnusedQueue());
            services.AddSingleton<IGatewayApiKeyStore>(new GatewayKeys([GatewayKeys.Key()]));
            services.AddSingleton<IOrderStore>(new BrokenStore());
        });

        var answer = await SendAsync(lambda, ProxyEvents.GetOrder());

        Assert.Equal(500, answer.StatusCode);
        var request = Assert.Single(lambda.MetricLines, line => line["ApiRequestDuration"] is not null);
        Assert.Equal(("GET", "500", "/orders/{orderId}"), ((string?)request["method"], (string?)request["code"], (string?)request["route"]));
    }

    [Fact]
    public async Task An_event_that_is_not_a_proxy_event_is_an_invalid_event_error()
    {
        await using var lambda = await StartAsync(GatewayKeys.Key());

        var reply = await lambda.InvokeAsync("""{"Records":[]}""");

        Assert.Equal(RuntimeErrors.InvalidEvent, reply.ErrorType);
    }

    /// <summary>A store that fails as a bug would: the exception handler answers 500.</summary>
    private sealed class BrokenStore : IOrderStore
    {
        public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<OrderPage> ListAsync(OrderFilter filter, int limit, string? cursor, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<bool> TrySaveStatusChangeAsync(Order next, OrderStatus expectedStatus, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<IReadOnlyList<OrderId>> ListPendingAsync(DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");
    }
}
