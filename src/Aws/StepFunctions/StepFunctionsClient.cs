using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace StepOrders.Aws.StepFunctions;

/// <summary>
/// A thin client of the Step Functions API (AWS JSON 1.0: <c>POST</c> to the endpoint with
/// <c>X-Amz-Target: AWSStepFunctions.{Operation}</c>), covering only the operations StepOrders uses. It stands in
/// for the AWSSDK.StepFunctions package, which the registry here lacks; swapping that in replaces this one file
/// and its request types. Requests are signed with SigV4 by AWSSDK.Core's <see cref="SigV4SigningHandler"/>.
/// </summary>
public sealed class StepFunctionsClient(HttpClient http, Uri endpoint)
{
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.0");

    /// <summary>
    /// An <see cref="HttpClient"/> that signs for the <c>states</c> service. <paramref name="endpoint"/> is
    /// <c>https://states.{region}.amazonaws.com/</c> on AWS, or the local runtime's <c>http://127.0.0.1:5080/sfn</c>.
    /// </summary>
    public static StepFunctionsClient Create(Uri endpoint, AWSCredentials credentials, RegionEndpoint region, HttpMessageHandler? inner = null) =>
        new(new HttpClient(new SigV4SigningHandler(credentials, region, "states", inner ?? new SocketsHttpHandler())), endpoint);

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken) =>
        SendAsync("StartExecution", request, StepFunctionsJson.Default.StartExecutionRequest, StepFunctionsJson.Default.StartExecutionResponse, cancellationToken);

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken) =>
        SendAsync("DescribeExecution", request, StepFunctionsJson.Default.DescribeExecutionRequest, StepFunctionsJson.Default.DescribeExecutionResponse, cancellationToken);

    public Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken) =>
        SendAsync("GetExecutionHistory", request, StepFunctionsJson.Default.GetExecutionHistoryRequest, StepFunctionsJson.Default.GetExecutionHistoryResponse, cancellationToken);

    public Task<ListExecutionsResponse> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken cancellationToken) =>
        SendAsync("ListExecutions", request, StepFunctionsJson.Default.ListExecutionsRequest, StepFunctionsJson.Default.ListExecutionsResponse, cancellationToken);

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken) =>
        SendAsync("RedriveExecution", request, StepFunctionsJson.Default.RedriveExecutionRequest, StepFunctionsJson.Default.RedriveExecutionResponse, cancellationToken);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, requestType));
        content.Headers.ContentType = AmzJson;
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        message.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Error(response, body);
        }
        return JsonSerializer.Deserialize(body, responseType)
            ?? throw new StepFunctionsException("InvalidResponse", $"{operation} answered with an empty body.", response.StatusCode);
    }

    /// <summary>The error's name from <c>__type</c> (after the last <c>#</c>), else from the <c>x-amzn-ErrorType</c> header.</summary>
    private static StepFunctionsException Error(HttpResponseMessage response, byte[] body)
    {
        StepFunctionsError? error = null;
        try
        {
            error = body.Length > 0 ? JsonSerializer.Deserialize(body, StepFunctionsJson.Default.StepFunctionsError) : null;
        }
        catch (JsonException)
        {
            // Not a JSON error body (a proxy's HTML page, say): the status code still says what happened.
        }
        var type = error?.Type
            ?? (response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault()?.Split(':')[0] : null)
            ?? (response.StatusCode == HttpStatusCode.InternalServerError ? "InternalFailure" : "Unknown");
        var code = type[(type.LastIndexOf('#') + 1)..];
        return new StepFunctionsException(code, error?.Message ?? response.ReasonPhrase ?? "", response.StatusCode);
    }
}
