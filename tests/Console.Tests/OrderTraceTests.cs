using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StepOrders.Console.Tests;

/// <summary>The order page: the workflow drawn from its ASL and painted from the execution's history as it runs.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OrderTraceTests(ConsoleHost host, Chromium chromium)
{
    private static readonly string[] HappyPath = ["ValidateOrder", "CheckInventory", "ProcessPayment", "PrepareFulfillment", "CompleteOrder"];

    [Fact]
    public async Task An_order_placed_in_the_console_is_followed_until_its_graph_reaches_completed()
    {
        var console = await ConsolePage.SignInAsync(chromium, host);
        await console.OpenAsync("/orders");

        await console.Page.GetByText("Place a test order").ClickAsync();
        await console.Page.Locator("#place-sku").FillAsync("SKU-1");
        await console.Page.Locator("#place-token").SelectOptionAsync("tok_approve");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();

        await Expect(console.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/orders/ord_"));
        await Expect(console.ExecutionStatus).ToHaveTextAsync("SUCCEEDED");
        await Expect(console.OrderStatus).ToHaveTextAsync("COMPLETED");
        foreach (var state in HappyPath)
        {
            await Expect(console.State(state)).ToHaveAttributeAsync("data-status", "succeeded");
        }
        await Expect(console.State("MarkOrderFailed")).ToHaveAttributeAsync("data-status", "not-reached");
        await Expect(console.Page.Locator(".timeline li").Last).ToContainTextAsync("COMPLETED");
        await console.CloseAsync();
    }

    [Fact]
    public async Task A_declined_order_shows_its_failed_state_in_red_with_the_error()
    {
        var orderId = await host.PlaceOrderAsync("SKU-2", "tok_decline");
        var console = await ConsolePage.SignInAsync(chromium, host, height: 1000);

        await console.OpenAsync($"/orders/{orderId}");

        await Expect(console.ExecutionStatus).ToHaveTextAsync("FAILED");
        await Expect(console.State("ProcessPayment")).ToHaveAttributeAsync("data-status", "caught");
        await Expect(console.State("OrderFailed")).ToHaveAttributeAsync("data-status", "failed");
        await Expect(console.State("PrepareFulfillment")).ToHaveAttributeAsync("data-status", "not-reached");
        Assert.Equal("rgb(209, 50, 18)", await console.State("OrderFailed").Locator("rect.box").EvaluateAsync<string>("box => getComputedStyle(box).stroke"));
        await Expect(console.Page.Locator(".failure")).ToContainTextAsync("Failed at ProcessPayment: Order.PaymentDeclined");
        // The page opens on the state whose error was caught; the failed state is chosen with the keyboard.
        await Expect(console.Details).ToHaveAttributeAsync("data-state", "ProcessPayment");
        await console.State("OrderFailed").FocusAsync();
        await console.Page.Keyboard.PressAsync("Enter");
        await Expect(console.Details).ToHaveAttributeAsync("data-state", "OrderFailed");
        await Expect(console.Details.Locator(".error-box")).ToContainTextAsync("Order.PaymentDeclined");
        await Expect(console.Details.Locator(".error-box")).ToContainTextAsync("The card network declined tok_decline.");

        await console.State("ProcessPayment").ClickAsync();
        await Expect(console.Details).ToHaveAttributeAsync("data-state", "ProcessPayment");
        await Screenshots.SaveAsync(console.Page, "order-trace.png", console.Page.Locator("section.trace"));
        await console.CloseAsync();
    }

    [Fact]
    public async Task Retries_are_counted_on_the_state_and_listed_in_the_event_history()
    {
        var orderId = await host.PlaceOrderAsync("SKU-3", "tok_flaky");
        var console = await ConsolePage.SignInAsync(chromium, host, height: 1000);

        await console.OpenAsync($"/orders/{orderId}");
        await Expect(console.OrderStatus).ToHaveTextAsync("COMPLETED");
        await console.State("ProcessPayment").ClickAsync();

        await Expect(console.State("ProcessPayment").Locator(".retries")).ToHaveTextAsync("↻ 2");
        await Expect(console.Details.Locator(".facts")).ToContainTextAsync("3 (2 retries)");
        await Expect(console.Details.Locator("table.attempts tbody tr")).ToHaveCountAsync(3);
        var failures = console.Page.Locator("table.events tr.event[data-type=\"LambdaFunctionFailed\"]");
        await Expect(failures).ToHaveCountAsync(2);
        await Expect(failures.First.Locator("td").Nth(2)).ToHaveTextAsync("ProcessPayment");
        await failures.First.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(console.Page.Locator("tr.event-details pre")).ToContainTextAsync("Order.Transient");

        await Screenshots.SaveAsync(console.Page.Locator("section.history-card"), "event-history.png");
        await console.CloseAsync();
    }

    [Fact]
    public async Task The_order_page_fits_a_phone_wide_window()
    {
        var orderId = await host.PlaceOrderAsync("SKU-1");
        var console = await ConsolePage.SignInAsync(chromium, host, width: 390, height: 844);

        await console.OpenAsync($"/orders/{orderId}");
        await Expect(console.OrderStatus).ToHaveTextAsync("COMPLETED");

        await Expect(console.State("CompleteOrder")).ToBeVisibleAsync();
        Assert.True(await console.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 390 px.");
        Assert.True(await console.Page.Locator("svg.graph").EvaluateAsync<bool>("svg => svg.getBoundingClientRect().width <= window.innerWidth"));
        await console.CloseAsync();
    }
}
