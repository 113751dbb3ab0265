using static Microsoft.Playwright.Assertions;

namespace StepOrders.Console.Tests;

/// <summary>The health view: the in-process alarms and the business figures of the last hour.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HealthTests(ConsoleHost host, Chromium chromium)
{
    [Fact]
    public async Task The_alarm_view_turns_red_after_a_failed_execution()
    {
        var console = await ConsolePage.SignInAsync(chromium, host);
        var orderId = await host.PlaceOrderAsync("SKU-2", "tok_decline");
        await console.OpenAsync($"/orders/{orderId}");
        await Expect(console.ExecutionStatus).ToHaveTextAsync("FAILED");

        await console.OpenAsync("/health");

        var alarm = console.Page.Locator("article.alarm[data-alarm=\"ExecutionsFailed\"]");
        await Expect(alarm).ToHaveAttributeAsync("data-state", "ALARM");
        await Expect(alarm.Locator(".badge")).ToHaveTextAsync("ALARM");
        Assert.Equal("rgb(209, 50, 18)", await alarm.EvaluateAsync<string>("card => getComputedStyle(card).borderLeftColor"));
        await Expect(console.Page.Locator(".figure").Filter(new() { HasText = "Success rate" })).ToBeVisibleAsync();
        await Expect(console.Page.Locator("svg.chart").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(console.Page, "health.png");
        await console.CloseAsync();
    }
}
