using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace StepOrders.Console.Tests;

/// <summary>The console's files over plain HTTP: served without a key, revalidated on each load, and its one call of its own.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleFilesTests(ConsoleHost host)
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/console/app.js", "text/javascript")]
    [InlineData("/console/console.css", "text/css")]
    [InlineData("/console/favicon.svg", "image/svg+xml")]
    public async Task The_page_and_its_files_need_no_key_and_are_revalidated(string path, string contentType)
    {
        using var client = new HttpClient { BaseAddress = host.Address };

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var again = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative))
        {
            Headers = { IfNoneMatch = { response.Headers.ETag! } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task An_unknown_file_is_404()
    {
        using var client = new HttpClient { BaseAddress = host.Address };

        var response = await client.GetAsync(new Uri("/console/missing.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_session_names_the_key_and_says_whether_it_is_an_admin_key()
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Add("x-api-key", await host.IssueAsync("shop-front", admin: false, customerId: "cust-7"));
        using var anonymous = new HttpClient { BaseAddress = host.Address };

        var session = await client.GetFromJsonAsync<JsonObject>(new Uri("/console/session", UriKind.Relative));
        var refused = await anonymous.GetAsync(new Uri("/console/session", UriKind.Relative));

        Assert.Equal("""{"keyName":"shop-front","admin":false,"customerId":"cust-7"}""", session!.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
