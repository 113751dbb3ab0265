using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StepOrders.Api.Tests;

/// <summary>An RFC 9457 problem details body as a client reads it.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(problem);
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }
}
