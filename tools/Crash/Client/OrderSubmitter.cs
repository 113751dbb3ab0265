using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using StepOrders.Crash.Schedule;

namespace StepOrders.Crash.Client;

/// <summary>Sends a planned order as a client would: the same body and <c>Idempotency-Key</c> on every attempt.</summary>
internal sealed class OrderSubmitter(HttpClient client)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<Submission> SubmitAsync(OrderPlan plan, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/orders", UriKind.Relative))
        {
            Content = new ByteArrayContent(plan.Body) { Headers = { ContentType = Json } },
        };
        request.Headers.Add("Idempotency-Key", plan.IdempotencyKey);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (status == 201)
            {
                var order = JsonNode.Parse(body)!;
                return new Submission.Accepted((string)order["orderId"]!, (DateTimeOffset)order["createdAt"]!);
            }
            return status is 429 or 503 ? new Submission.Unanswered($"HTTP {status}") : new Submission.Refused(status, body);
        }
        catch (HttpRequestException e)
        {
            return new Submission.Unanswered(e.Message);
        }
        catch (IOException e)
        {
            return new Submission.Unanswered(e.Message);
        }
        catch (OperationCanceledException)
        {
            // Timed out, or cut off by the kill: the order may or may not have been stored.
            return new Submission.Unanswered("no answer");
        }
    }
}
