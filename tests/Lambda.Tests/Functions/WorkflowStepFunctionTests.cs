using System.Text.Json.Nodes;
using StepOrders.Lambda.Functions;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;
using StepOrders.Steps;
using StepOrders.Steps.Tests;

namespace StepOrders.Lambda.Tests.Functions;

public sealed class WorkflowStepFunctionTests
{
    private readonly InMemoryShop _shop = new();
    private readonly RecordingWorkflow _workflow = new();
    private readonly OrderProgress _progress;

    public WorkflowStepFunctionTests()
    {
        _progress = new OrderProgress(_shop, _shop.Clock);
        _shop.SetAvailableAsync("SKU-1", 10, CancellationToken.None).Wait();
    }

    private static string Input(Order order) => $$"""{"orderId":"{{order.Id}}"}""";

    [Fact]
    public async Task A_step_responds_with_its_output_as_the_state_s_result()
    {
        var order = _shop.Place();
        await using var lambda = await InProcessLambda.StartAsync("ValidateOrder", _shop, _workflow);

        var reply = await lambda.InvokeAsync(Input(order));

        Assert.False(reply.IsError);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("""{"total":20,"currency":"EUR"}""", reply.Body);
        Assert.Equal(OrderStatus.Validating, _shop[order.Id].Status);
    }

    [Fact]
    public async Task A_named_step_error_is_reported_with_the_name_as_errorType_for_Retry_and_Catch()
    {
        await _shop.SetAvailableAsync("SKU-1", 1, CancellationToken.None);
        var order = _shop.Place();
        await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), CancellationToken.None);
        await using var lambda = await InProcessLambda.StartAsync("CheckInventory", _shop, _workflow);

        var reply = await lambda.InvokeAsync(Input(order));

        Assert.True(reply.IsError);
        Assert.Equal(OrderErrors.OutOfStock, reply.ErrorTypeHeader);
        Assert.Equal(OrderErrors.OutOfStock, reply.ErrorType);
        Assert.Equal("SKU-1: 2 requested, 1 available.", reply.ErrorMessage);
        Assert.Null(reply.Json["stackTrace"]);
    }

    [Fact]
    public async Task ProcessPayment_takes_the_attempt_from_the_workflow_s_retry_count()
    {
        var order = _shop.Place(TestCardNetwork.Flaky);
        await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), CancellationToken.None);
        await new CheckInventory(_progress, _shop).HandleAsync(new(order.Id.Value), CancellationToken.None);
        await using var lambda = await InProcessLambda.StartAsync("ProcessPayment", _shop, _workflow);

        var first = await lambda.InvokeAsync($$"""{"orderId":"{{order.Id}}","attempt":0}""");
        var third = await lambda.InvokeAsync($$"""{"orderId":"{{order.Id}}","attempt":2}""");

        Assert.Equal(OrderErrors.Transient, first.ErrorType);
        Assert.False(third.IsError);
        Assert.Equal(20m, (decimal)third.Json["amount"]!);
        Assert.Equal("EUR", (string?)third.Json["currency"]);
        Assert.Equal(1, _shop.ChargeCount);
    }

    [Fact]
    public async Task MarkOrderFailed_records_the_error_and_cause_the_workflow_caught()
    {
        var order = _shop.Place();
        await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), CancellationToken.None);
        await using var lambda = await InProcessLambda.StartAsync("MarkOrderFailed", _shop, _workflow);

        var reply = await lambda.InvokeAsync(
            $$"""{"orderId":"{{order.Id}}","error":"Order.Invalid","cause":"Too large."}""");

        Assert.Equal("""{"stockReleased":false,"paymentRefunded":false}""", reply.Body);
        var failed = _shop[order.Id];
        Assert.Equal(OrderStatus.Failed, failed.Status);
        Assert.Equal("Order.Invalid", failed.Failure!.Error);
        Assert.Equal("Too large.", failed.Failure.Cause);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"orderId":"ord_nope"}""")]
    [InlineData("null")]
    public async Task Input_a_step_cannot_read_is_an_Order_Invalid_error(string payload)
    {
        await using var lambda = await InProcessLambda.StartAsync("CompleteOrder", _shop, _workflow);

        var reply = await lambda.InvokeAsync(payload);

        Assert.Equal(OrderErrors.Invalid, reply.ErrorType);
        Assert.Equal(OrderErrors.Invalid, reply.ErrorTypeHeader);
    }

    [Fact]
    public async Task A_step_that_runs_out_of_time_fails_with_Order_Transient_so_the_workflow_retries_it()
    {
        var function = new WorkflowStepFunction(new StepThatWaitsForever());
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var invocation = new Invocation("req-1", DateTimeOffset.UtcNow, null, null, "{}"u8.ToArray());

        var result = await function.InvokeAsync(invocation, deadline.Token);

        Assert.Equal(OrderErrors.Transient, result.Error!.ErrorType);
        Assert.Contains("ran out of time", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    private sealed class StepThatWaitsForever : IWorkflowStep
    {
        public string Name => "Slow";

        public async Task<StepInvocation> InvokeAsync(JsonNode? input, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new StepInvocation(null, null);
        }
    }
}
