using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StepOrders.Console.Tests;

/// <summary>The console in a browser page, signed in through its key dialog, with the locators the tests share.</summary>
public sealed class ConsolePage(IPage page, Uri address)
{
    public IPage Page { get; } = page;

    public static async Task<ConsolePage> SignInAsync(Chromium chromium, ConsoleHost host, string? key = null, int width = 1280, int height = 900)
    {
        var console = new ConsolePage(await chromium.NewPageAsync(width, height), host.Address);
        await console.Page.GotoAsync(host.Address.ToString());
        await console.Page.Locator("#key-input").FillAsync(key ?? await host.AdminKeyAsync());
        await console.Page.Locator("#key-input").PressAsync("Enter");
        await Expect(console.Page.Locator("#key-button")).Not.ToHaveTextAsync("Sign in");
        return console;
    }

    /// <summary>Goes to a view of the console: <c>/orders/ord_…</c>, <c>/dead-letters</c>, <c>/health</c>.</summary>
    public async Task OpenAsync(string route)
    {
        await Page.GotoAsync(new Uri(address, "/#" + route).ToString());
        await Expect(Page.Locator("main .loading")).ToHaveCountAsync(0);
    }

    /// <summary>A state of the graph, e.g. <c>ProcessPayment</c>; its <c>data-status</c> is succeeded, caught, failed, running or not-reached.</summary>
    public ILocator State(string name) => Page.Locator($"svg.graph g.node[data-state=\"{name}\"]");

    public ILocator OrderStatus => Page.Locator(".order-title .badge");

    public ILocator ExecutionStatus => Page.Locator(".execution-bar .badge");

    public ILocator Details => Page.Locator(".details-box .state-details");

    public Task CloseAsync() => Page.Context.CloseAsync();
}
