using static Microsoft.Playwright.Assertions;

namespace StepOrders.Console.Tests;

/// <summary>The dead-letter queue in the console: each message with its body and receive count, redriven from there.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DeadLetterTests(ConsoleHost host, Chromium chromium)
{
    [Fact]
    public async Task An_order_whose_workflow_could_not_start_is_redriven_from_the_dead_letter_queue_and_completes()
    {
        string orderId;
        host.Outage.Begin();
        try
        {
            orderId = await host.PlaceOrderAsync("SKU-1");
            var console = await ConsolePage.SignInAsync(chromium, host);
            await console.OpenAsync("/dead-letters");

            var letter = console.Page.Locator("table.dead-letters tbody tr").Filter(new() { HasText = orderId });
            await Expect(letter).ToHaveCountAsync(1);
            await Expect(letter.Locator("td").Nth(2)).ToHaveTextAsync("2");
            await letter.Locator("summary").ClickAsync();
            await Expect(letter.Locator("pre")).ToContainTextAsync($"\"orderId\": \"{orderId}\"");

            host.Outage.End();
            await letter.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Redrive message" }).ClickAsync();

            await Expect(console.Page.Locator(".toast")).ToContainTextAsync("1 message sent back to the queue.");
            await Expect(letter).ToHaveCountAsync(0);
            await console.OpenAsync($"/orders/{orderId}");
            await Expect(console.OrderStatus).ToHaveTextAsync("COMPLETED");
            await console.CloseAsync();
        }
        finally
        {
            host.Outage.End();
        }
    }
}
