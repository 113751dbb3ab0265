using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace StepOrders.Console.Tests;

/// <summary>Replay from the order page: redrive a failed execution, start a new one; the page follows the attempt.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ReplayTests(ConsoleHost host, Chromium chromium)
{
    [Fact]
    public async Task A_failed_execution_redriven_after_restocking_completes()
    {
        await host.SetStockAsync("SKU-OUT", 0);
        var orderId = await host.PlaceOrderAsync("SKU-OUT");
        var console = await ConsolePage.SignInAsync(chromium, host);
        await console.OpenAsync($"/orders/{orderId}");
        await Expect(console.ExecutionStatus).ToHaveTextAsync("FAILED");
        await Expect(console.State("CheckInventory")).ToHaveAttributeAsync("data-status", "caught");
        await Expect(console.Details.Locator(".error-box")).ToContainTextAsync("Order.OutOfStock");

        await host.SetStockAsync("SKU-OUT", 5);
        await console.Page.Locator("#redrive").ClickAsync();
        await Expect(console.Page.Locator("#confirm-dialog")).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#confirm-title")).ToContainTextAsync($"Redrive {orderId}?");
        await console.Page.Locator("#confirm-ok").ClickAsync();

        await Expect(console.ExecutionStatus).ToHaveTextAsync("SUCCEEDED");
        await Expect(console.OrderStatus).ToHaveTextAsync("COMPLETED");
        await Expect(console.State("CheckInventory")).ToHaveAttributeAsync("data-status", "succeeded");
        await Expect(console.State("CompleteOrder")).ToHaveAttributeAsync("data-status", "succeeded");
        await Expect(console.Page.Locator(".execution-bar")).ToContainTextAsync("redriven 1×");
        await Expect(console.Page.Locator("table.events tr.event[data-type=\"ExecutionRedriven\"]")).ToHaveCountAsync(1);
        await Expect(console.Page.Locator(".failure")).ToHaveCountAsync(0);
        await console.CloseAsync();
    }

    [Fact]
    public async Task Cancelling_the_confirmation_redrives_nothing()
    {
        await host.SetStockAsync("SKU-GONE", 0);
        var orderId = await host.PlaceOrderAsync("SKU-GONE");
        var console = await ConsolePage.SignInAsync(chromium, host);
        await console.OpenAsync($"/orders/{orderId}");
        await Expect(console.ExecutionStatus).ToHaveTextAsync("FAILED");

        await console.Page.Locator("#redrive").ClickAsync();
        await console.Page.Keyboard.PressAsync("Escape");

        await Expect(console.Page.Locator("#confirm-dialog")).ToBeHiddenAsync();
        await Expect(console.ExecutionStatus).ToHaveTextAsync("FAILED");
        await Expect(console.Page.Locator(".execution-bar")).Not.ToContainTextAsync("redriven");
        await console.CloseAsync();
    }

    [Fact]
    public async Task A_new_execution_with_edited_input_is_started_and_followed()
    {
        var orderId = await host.PlaceOrderAsync("SKU-1");
        var console = await ConsolePage.SignInAsync(chromium, host);
        await console.OpenAsync($"/orders/{orderId}");
        await Expect(console.ExecutionStatus).ToHaveTextAsync("SUCCEEDED");

        await console.Page.Locator("#new-execution").ClickAsync();
        var input = console.Page.Locator("#execution-input");
        await Expect(input).ToHaveValueAsync(new Regex(orderId));
        await input.FillAsync($$"""{"orderId": "{{orderId}}", "note": "replayed from the console"}""");
        await console.Page.Locator("#confirm-ok").ClickAsync();

        await Expect(console.Page).ToHaveURLAsync(new Regex($"execution={orderId}-r1"));
        await Expect(console.Page.Locator(".execution-bar .mono")).ToHaveTextAsync($"{orderId}-r1");
        await Expect(console.ExecutionStatus).ToHaveTextAsync("SUCCEEDED");
        await Expect(console.Page.Locator(".attempt-picker select option")).ToHaveCountAsync(2);
        await console.State("ValidateOrder").ClickAsync();
        await Expect(console.Details.Locator("details.payload pre").First).ToContainTextAsync("replayed from the console");
        await console.CloseAsync();
    }
}
