using static Microsoft.Playwright.Assertions;

namespace StepOrders.Console.Tests;

/// <summary>The assistant panel asks POST /chatbot about the order on the page.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ChatTests(ConsoleHost host, Chromium chromium)
{
    [Fact]
    public async Task The_assistant_answers_about_the_order_on_the_page()
    {
        var orderId = await host.PlaceOrderAsync("SKU-2", "tok_decline", customerId: "chatty");
        var console = await ConsolePage.SignInAsync(chromium, host);
        await console.OpenAsync($"/orders/{orderId}");
        await Expect(console.OrderStatus).ToHaveTextAsync("FAILED");

        await console.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Ask the assistant" }).ClickAsync();
        await Expect(console.Page.Locator("#chat-customer")).ToHaveValueAsync("chatty");
        await Expect(console.Page.Locator("#chat-input")).ToHaveValueAsync($"What happened to order {orderId}?");
        await console.Page.Locator("#chat-input").PressAsync("Enter");

        var reply = console.Page.Locator(".chat-log .message.assistant").Last;
        await Expect(reply).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pending"));
        await Expect(reply.Locator($"a[href=\"#/orders/{orderId}\"]")).ToBeVisibleAsync();
        await console.CloseAsync();
    }
}
