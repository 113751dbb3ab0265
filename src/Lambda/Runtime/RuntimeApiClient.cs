using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace StepOrders.Lambda.Runtime;

/// <summary>
/// A client of the Lambda runtime API, version 2018-06-01, at <c>AWS_LAMBDA_RUNTIME_API</c>: next invocation,
/// invocation response, invocation error and initialization error.
/// </summary>
internal sealed class RuntimeApiClient(HttpClient http)
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    /// <summary>An <see cref="HttpClient"/> for the endpoint, without a timeout: Lambda may hold the next-invocation request open for as long as it likes.</summary>
    public static HttpClient CreateHttpClient(string endpoint) => new()
    {
        BaseAddress = new Uri($"http://{endpoint}/2018-06-01/"),
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Waits for the next event (runtime API: <c>GET /runtime/invocation/next</c>).</summary>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("runtime/invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new InvalidOperationException("The runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id.");
        var deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MaxValue;
        return new Invocation(
            requestId,
            deadline,
            Header(response, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(response, "Lambda-Runtime-Trace-Id"),
            payload);
    }

    /// <summary>Sends the function's result (runtime API: <c>POST /runtime/invocation/{requestId}/response</c>).</summary>
    public async Task RespondAsync(string requestId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", content, null, cancellationToken);
    }

    /// <summary>Reports the invocation's error (runtime API: <c>POST /runtime/invocation/{requestId}/error</c>).</summary>
    public Task FailAsync(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        PostErrorAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    /// <summary>Reports that the function cannot start (runtime API: <c>POST /runtime/init/error</c>); Lambda then stops the process.</summary>
    public Task FailInitAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", error, cancellationToken);

    private async Task PostErrorAsync(string path, FunctionError error, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, LambdaJson.Default.FunctionError));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await PostAsync(path, content, error.ErrorType, cancellationToken);
    }

    private async Task PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
