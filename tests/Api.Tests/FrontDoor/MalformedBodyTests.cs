using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Tests.FrontDoor;

public sealed class MalformedBodyTests : IAsyncLifetime
{
    /// <summary>Set <c>FUZZ_SEED</c> to replay a failure; the seed is in every failure's message.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var seed) ? seed : 20260301;

    private readonly FrontDoorHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/orders", null)]
    [InlineData("/orders", "fuzz")]
    [InlineData("/chatbot", null)]
    [InlineData("/chatbot", "fuzz")]
    public async Task Two_hundred_malformed_bodies_each_get_a_4xx_problem_and_never_a_500(string path, string? customerId)
    {
        var unlimited = new UsagePlan(UsagePlan.MaxRateLimit, UsagePlan.MaxBurstLimit, UsagePlan.MaxQuotaLimit);
        var client = await _host.ClientAsync(customerId: customerId, admin: customerId is null, plan: unlimited);
        var bodies = new MalformedBodies(Seed + path.Length + (customerId?.Length ?? 0), chatbot: path == "/chatbot");

        for (var i = 0; i < 200; i++)
        {
            var body = bodies.Next();
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();
            var what = $"seed {Seed} (FUZZ_SEED), body {i} on {path}: {(int)response.StatusCode} for {Show(body)}\n{text}";

            Assert.True((int)response.StatusCode is >= 400 and < 500, what);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", what);
            using var problem = JsonDocument.Parse(text);
            Assert.True(problem.RootElement.GetProperty("status").GetInt32() == (int)response.StatusCode, what);
            Assert.True(problem.RootElement.TryGetProperty("traceId", out _), what);
        }
    }

    private static string Show(byte[] body)
    {
        var shown = body.Length > 300 ? body[..300] : body;
        return $"{body.Length} bytes: {Encoding.UTF8.GetString(shown)} [{Convert.ToHexString(shown.Length > 60 ? shown[..60] : shown)}…]";
    }
}
