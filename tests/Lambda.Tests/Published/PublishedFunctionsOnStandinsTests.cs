using System.Text.Json.Nodes;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;

namespace StepOrders.Lambda.Tests.Published;

/// <summary>
/// Each function of the published bootstrap doing its real work through the AWS adapters on dynalite, fauxqs and a
/// Step Functions stub, fed the events and inputs Lambda, SQS and the ASL would send.
/// </summary>
[Collection(PublishedCollection.Name)]
public sealed class PublishedFunctionsOnStandinsTests(PublishedBinary binary, DynaliteFixture dynalite, FauxqsFixture fauxqs)
{
    private async Task<RuntimeReply> InvokeAsync(AwsStandins aws, string handler, string payload)
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var reply = runtimeApi.InvokeAsync(payload);
        await using var function = FunctionProcess.Start(binary.Bootstrap, runtimeApi.Address, handler, aws.Environment);
        var answer = await reply;
        Assert.False(runtimeApi.InitError.IsCompleted, function.Output);
        return answer;
    }

    [Fact]
    public async Task An_order_goes_through_every_step_function_to_COMPLETED()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        await aws.Inventory.SetAvailableAsync("SKU-1", 5, CancellationToken.None);
        var order = await aws.PlaceAsync();
        var input = $$"""{"orderId":"{{order.Id}}"}""";

        var validation = await InvokeAsync(aws, "ValidateOrder", input);
        var reservation = await InvokeAsync(aws, "CheckInventory", input);
        var payment = await InvokeAsync(aws, "ProcessPayment", $$"""{"orderId":"{{order.Id}}","attempt":0}""");
        var fulfillment = await InvokeAsync(aws, "PrepareFulfillment", input);
        var completion = await InvokeAsync(aws, "CompleteOrder", input);

        Assert.Equal("""{"total":20,"currency":"EUR"}""", validation.Body);
        Assert.Equal("""{"units":2}""", reservation.Body);
        Assert.Equal(20m, (decimal)payment.Json["amount"]!);
        Assert.StartsWith("shp_", (string?)fulfillment.Json["shipmentId"], StringComparison.Ordinal);
        Assert.Equal("""{"status":"COMPLETED"}""", completion.Body);
        var stored = (await aws.Store.GetAsync(order.Id, CancellationToken.None))!;
        Assert.Equal(OrderStatus.Completed, stored.Status);
        Assert.Equal(
            [OrderStatus.Pending, OrderStatus.Validating, OrderStatus.InventoryCheck, OrderStatus.PaymentProcessing, OrderStatus.Fulfillment, OrderStatus.Completed],
            stored.History.Select(change => change.Status));
        Assert.Equal(3, await aws.Inventory.GetAvailableAsync("SKU-1", CancellationToken.None));
    }

    [Fact]
    public async Task Out_of_stock_is_the_named_error_and_MarkOrderFailed_records_it_with_the_failed_step()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        await aws.Inventory.SetAvailableAsync("SKU-OUT", 0, CancellationToken.None);
        var order = await aws.PlaceAsync(sku: "SKU-OUT");
        var input = $$"""{"orderId":"{{order.Id}}"}""";
        await InvokeAsync(aws, "ValidateOrder", input);

        var outOfStock = await InvokeAsync(aws, "CheckInventory", input);
        // The catcher's ResultPath puts {Error, Cause} at $.failure; MarkOrderFailed's Parameters pass them on.
        var failure = new JsonObject { ["orderId"] = order.Id.Value, ["error"] = outOfStock.ErrorType, ["cause"] = outOfStock.Body };
        var compensation = await InvokeAsync(aws, "MarkOrderFailed", failure.ToJsonString());

        Assert.Equal(OrderErrors.OutOfStock, outOfStock.ErrorType);
        Assert.Equal(OrderErrors.OutOfStock, outOfStock.ErrorTypeHeader);
        Assert.Equal("""{"stockReleased":false,"paymentRefunded":false}""", compensation.Body);
        var stored = (await aws.Store.GetAsync(order.Id, CancellationToken.None))!;
        Assert.Equal(OrderStatus.Failed, stored.Status);
        Assert.Equal("CheckInventory", stored.Failure!.Step);
        Assert.Equal(OrderErrors.OutOfStock, stored.Failure.Error);
    }

    [Fact]
    public async Task A_declined_card_is_Order_PaymentDeclined_and_the_flaky_card_is_Order_Transient_until_its_third_attempt()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        await aws.Inventory.SetAvailableAsync("SKU-1", 10, CancellationToken.None);
        var declined = await aws.PlaceAsync(TestCardNetwork.Decline);
        var flaky = await aws.PlaceAsync(TestCardNetwork.Flaky);
        foreach (var order in new[] { declined, flaky })
        {
            await InvokeAsync(aws, "ValidateOrder", $$"""{"orderId":"{{order.Id}}"}""");
            await InvokeAsync(aws, "CheckInventory", $$"""{"orderId":"{{order.Id}}"}""");
        }

        var decline = await InvokeAsync(aws, "ProcessPayment", $$"""{"orderId":"{{declined.Id}}","attempt":0}""");
        var firstTry = await InvokeAsync(aws, "ProcessPayment", $$"""{"orderId":"{{flaky.Id}}","attempt":0}""");
        var thirdTry = await InvokeAsync(aws, "ProcessPayment", $$"""{"orderId":"{{flaky.Id}}","attempt":2}""");

        Assert.Equal(OrderErrors.PaymentDeclined, decline.ErrorType);
        Assert.Equal(OrderErrors.Transient, firstTry.ErrorType);
        Assert.False(thirdTry.IsError, thirdTry.Body);
        Assert.Equal("EUR", (string?)thirdTry.Json["currency"]);
    }

    [Fact]
    public async Task The_starter_starts_one_execution_per_order_and_returns_the_unreadable_messages()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        aws.StepFunctions.Answer("StartExecution", """{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:steporders-test-orders:x","startDate":1764061200.5}""");
        var order = await aws.PlaceAsync();

        var reply = await InvokeAsync(aws, "StartOrderWorkflow", PublishedBinaryTests.SqsEvent(
            ("m-bad", "not an order"),
            ("m-good", $$"""{"orderId":"{{order.Id}}"}""")));

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m-bad"}]}""", reply.Body);
        var start = Assert.Single(aws.StepFunctions.Requests, request => request.Operation == "StartExecution");
        var body = JsonNode.Parse(start.Body)!;
        Assert.Equal(order.Id.Value, (string?)body["name"]);
        Assert.Equal(AwsStandins.StateMachineArn, (string?)body["stateMachineArn"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=test/", start.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_that_Step_Functions_refuses_sends_the_message_back_and_an_existing_execution_does_not()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        var order = await aws.PlaceAsync();
        var sqsEvent = PublishedBinaryTests.SqsEvent(("m-1", $$"""{"orderId":"{{order.Id}}"}"""));

        aws.StepFunctions.Answer("StartExecution", """{"__type":"com.amazonaws.swf.service.model#ServiceUnavailable","message":"Try later"}""", status: 503);
        var refused = await InvokeAsync(aws, "StartOrderWorkflow", sqsEvent);
        aws.StepFunctions.Answer("StartExecution", """{"__type":"ExecutionAlreadyExists","message":"Execution Already Exists"}""", status: 400);
        var duplicate = await InvokeAsync(aws, "StartOrderWorkflow", sqsEvent);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m-1"}]}""", refused.Body);
        Assert.Equal("""{"batchItemFailures":[]}""", duplicate.Body);
    }

    [Fact]
    public async Task The_reconciler_answers_how_many_orders_it_queued_again()
    {
        await using var aws = await AwsStandins.CreateAsync(dynalite, fauxqs);
        await aws.PlaceAsync();

        var reply = await InvokeAsync(aws, "ReconcilePendingOrders", """{"source":"aws.scheduler"}""");

        // The order was accepted just now, within the reconciler's grace period.
        Assert.Equal("""{"requeued":0}""", reply.Body);
    }
}
