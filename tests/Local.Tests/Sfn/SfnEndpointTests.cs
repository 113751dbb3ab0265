using System.Net;
using System.Text;
using System.Text.Json;
using StepOrders.Workflow;

namespace StepOrders.Local.Tests.Sfn;

public sealed class SfnEndpointTests(SfnHost host) : IClassFixture<SfnHost>
{
    [Theory]
    [InlineData("/sfn")]
    [InlineData("/sfn/")]
    public async Task An_admin_key_in_x_api_key_reaches_the_API_at_both_paths(string path)
    {
        using var client = new HttpClient { BaseAddress = host.Endpoint };
        using var request = Request(path, "ListStateMachines");
        request.Headers.Add("x-api-key", await host.AdminKeyAsync());
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(body.RootElement.GetProperty("stateMachines").EnumerateArray(),
            m => m.GetProperty("name").GetString() == "StepOrders-OrderWorkflow");
    }

    [Fact]
    public async Task The_access_key_id_of_a_SigV4_header_is_the_credential()
    {
        using var client = new HttpClient { BaseAddress = host.Endpoint };
        using var request = Request("/sfn", "ListStateMachines");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={await host.AdminKeyAsync()}/20250101/us-east-1/states/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task No_key_an_unknown_key_or_a_customer_key_is_refused_in_AWS_shape()
    {
        using var client = new HttpClient { BaseAddress = host.Endpoint };
        Assert.Equal("MissingAuthenticationTokenException", await ErrorAsync(client, Request("/sfn", "ListStateMachines")));

        var unknown = Request("/sfn", "ListStateMachines");
        unknown.Headers.Add("x-api-key", "so_unknown");
        Assert.Equal("UnrecognizedClientException", await ErrorAsync(client, unknown));

        var customer = Request("/sfn", "ListStateMachines");
        customer.Headers.Add("x-api-key", await host.IssueAsync(admin: false));
        Assert.Equal("AccessDeniedException", await ErrorAsync(client, customer));
    }

    [Fact]
    public void The_time_scale_flag_reaches_the_runtime() =>
        Assert.Equal(double.Parse(SfnHost.TimeScale, System.Globalization.CultureInfo.InvariantCulture), host.Get<WorkflowOptions>().TimeScale);

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=ab", "AKID")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Credential=so_k-1_x/20250101/us-east-1/states/aws4_request, Signature=ab", "so_k-1_x")]
    [InlineData("Bearer token", null)]
    [InlineData("AWS4-HMAC-SHA256 Credential=, Signature=ab", null)]
    public void The_access_key_id_is_read_from_the_credential_scope(string authorization, string? accessKeyId) =>
        Assert.Equal(accessKeyId, SfnEndpoint.AccessKeyId(authorization));

    private static HttpRequestMessage Request(string path, string operation)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        return request;
    }

    private static async Task<string?> ErrorAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("__type").GetString()!.Split('#')[^1];
        }
    }
}
