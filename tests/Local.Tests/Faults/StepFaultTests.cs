using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StepOrders.Local.Data;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps;
using StepOrders.Workflow;
using StepOrders.Workflow.History;

namespace StepOrders.Local.Tests.Faults;

public sealed class StepFaultTests
{
    [Fact]
    public async Task Steps_failing_transiently_at_a_rate_are_retried_and_every_order_completes_with_one_charge()
    {
        var faults = new List<TransientFaults>();
        await using var host = new FaultHost(wrap: step =>
        {
            // At most 3 in a row: within each Task's Retry (MaxAttempts 4), so every order must get through.
            var faulty = new TransientFaults(step, rate: 0.3, inARow: 3, seed: faults.Count + 1);
            faults.Add(faulty);
            return faulty;
        });
        var client = await host.ClientAsync();

        var orders = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => FaultHost.PlaceAsync(client)));
        var executions = await Task.WhenAll(orders.Select(id => host.ClosedAsync(id)));

        Assert.All(executions, execution => Assert.Equal(ExecutionStatus.Succeeded, execution.Status));
        var retried = 0;
        foreach (var execution in executions)
        {
            var history = await host.Runtime.GetExecutionHistoryAsync(execution.ExecutionArn, maxResults: 1000);
            retried += history.Events.Count(e => e.Type == HistoryEventType.LambdaFunctionFailed && e.Error == OrderErrors.Transient);
        }
        Assert.True(faults.Sum(f => f.Injected) > 0);
        Assert.Equal(faults.Sum(f => f.Injected), retried);
        var payments = host.Get<IPaymentGateway>();
        foreach (var id in orders)
        {
            Assert.Equal("COMPLETED", await StatusAsync(client, id));
            Assert.Equal(1, await payments.CountCapturesAsync(OrderId.Parse(id), CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_step_that_stays_unavailable_is_retried_then_caught_and_the_order_fails_with_stock_and_payment_given_back()
    {
        await using var host = new FaultHost(wrap: step =>
            step.Name == nameof(PrepareFulfillment) ? new TransientFaults(step, rate: 1, inARow: int.MaxValue, seed: 1) : step);
        var client = await host.ClientAsync();
        var inventory = host.Get<IInventory>();
        var before = await inventory.GetAvailableAsync("SKU-2", CancellationToken.None);

        var orderId = await FaultHost.PlaceAsync(client, sku: "SKU-2", quantity: 3);
        var execution = await host.ClosedAsync(orderId);

        var order = await client.GetFromJsonAsync<JsonObject>($"/orders/{orderId}");
        Assert.Equal("FAILED", (string?)order!["status"]);
        Assert.Equal(nameof(PrepareFulfillment), (string?)order["failure"]!["step"]);
        Assert.Equal(OrderErrors.Transient, (string?)order["failure"]!["error"]);
        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        var history = await host.Runtime.GetExecutionHistoryAsync(execution.ExecutionArn, maxResults: 1000);
        Assert.Equal(5, history.Events.Count(e =>
            e.Type == HistoryEventType.LambdaFunctionScheduled && e.Resource!.EndsWith($":{nameof(PrepareFulfillment)}", StringComparison.Ordinal)));
        Assert.Equal(before, await inventory.GetAvailableAsync("SKU-2", CancellationToken.None));
        Assert.True(await IsRefundedAsync(host, orderId));
    }

    [Fact]
    public async Task A_step_that_hangs_past_its_timeout_is_timed_out_retried_and_caught_and_the_order_fails()
    {
        HangingStep? hanging = null;
        // 10 s TimeoutSeconds pass in 1 s.
        await using var host = new FaultHost(
            wrap: step => step.Name == nameof(CheckInventory) ? hanging = new HangingStep(step) : step,
            clock: new AcceleratedClock(10));
        var client = await host.ClientAsync();

        var inventory = host.Get<IInventory>();
        var before = await inventory.GetAvailableAsync("SKU-3", CancellationToken.None);

        var orderId = await FaultHost.PlaceAsync(client, sku: "SKU-3", quantity: 2);
        var execution = await host.ClosedAsync(orderId);

        var order = await client.GetFromJsonAsync<JsonObject>($"/orders/{orderId}");
        Assert.Equal("FAILED", (string?)order!["status"]);
        Assert.Equal(nameof(CheckInventory), (string?)order["failure"]!["step"]);
        Assert.Equal(before, await inventory.GetAvailableAsync("SKU-3", CancellationToken.None));
        Assert.Equal("States.Timeout", (string?)order["failure"]!["error"]);
        var history = await host.Runtime.GetExecutionHistoryAsync(execution.ExecutionArn, maxResults: 1000);
        Assert.Equal(5, history.Events.Count(e => e.Type == HistoryEventType.LambdaFunctionTimedOut));
        Assert.Equal((5, 5), (hanging!.Calls, hanging.Cancelled));
        Assert.Equal(0, await host.Get<IPaymentGateway>().CountCapturesAsync(OrderId.Parse(orderId), CancellationToken.None));
    }

    private static async Task<string?> StatusAsync(HttpClient client, string orderId) =>
        (string?)(await client.GetFromJsonAsync<JsonObject>($"/orders/{orderId}"))!["status"];

    private static async Task<bool> IsRefundedAsync(FaultHost host, string orderId)
    {
        await using var connection = await host.Get<LocalDatabase>().OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT refunded_at IS NOT NULL FROM captures WHERE order_id = @order";
        command.Parameters.AddWithValue("@order", orderId);
        return await command.ExecuteScalarAsync() is 1L;
    }
}
