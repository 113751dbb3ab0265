using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StepOrders.Console.Tests;

/// <summary>The console asks for a key, keeps it for the tab, sends it as x-api-key and never in a URL.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessTests(ConsoleHost host, Chromium chromium)
{
    [Fact]
    public async Task The_key_is_asked_for_kept_in_session_storage_and_sent_only_as_a_header()
    {
        var key = await host.AdminKeyAsync();
        var page = await chromium.NewPageAsync();
        var requests = new List<IRequest>();
        page.Request += (_, request) => requests.Add(request);

        await page.GotoAsync(host.Address.ToString());
        await Expect(page.Locator("#key-dialog")).ToBeVisibleAsync();
        await page.Locator("#key-input").FillAsync(key);
        await page.Locator("#key-input").PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Orders");

        Assert.Equal(key, await page.EvaluateAsync<string>("sessionStorage.getItem('steporders.apiKey')"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('steporders.apiKey')"));
        Assert.DoesNotContain(requests, request => request.Url.Contains(key, StringComparison.Ordinal));
        var apiCalls = requests.Where(request => request.Url.Contains("/admin/", StringComparison.Ordinal) || request.Url.EndsWith("/console/session", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, request => Assert.Equal(key, request.Headers["x-api-key"]));
        Assert.DoesNotContain(key, page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_key_is_refused_in_the_dialog()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(host.Address.ToString());

        await page.Locator("#key-input").FillAsync("not-a-key");
        await page.Locator("#key-input").PressAsync("Enter");

        await Expect(page.Locator("#key-error")).ToContainTextAsync("not valid");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('steporders.apiKey')"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_customer_key_sees_its_orders_and_no_admin_views()
    {
        var key = await host.IssueAsync("console-customer", admin: false, customerId: "console-customer");
        var orderId = await host.PlaceOrderAsync("SKU-1", customerId: "console-customer");
        var console = await ConsolePage.SignInAsync(chromium, host, key);

        await console.OpenAsync("/orders");
        await Expect(console.Page.Locator($"tr[data-order-id=\"{orderId}\"]")).ToBeVisibleAsync();
        await Expect(console.Page.Locator(".tabs a[data-section=\"dead-letters\"]")).ToBeHiddenAsync();

        await console.OpenAsync("/dead-letters");
        await Expect(console.Page.Locator("main")).ToContainTextAsync("needs an admin key");
        await console.CloseAsync();
    }
}
