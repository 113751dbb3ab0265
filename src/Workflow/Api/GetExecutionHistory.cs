using System.Text.Json;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Api;

/// <summary>GetExecutionHistory: the events in AWS's shape, in pages, oldest or newest first, with or without payloads.</summary>
internal static class GetExecutionHistory
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var arn = ArnCheck.Execution(request);
        var includeData = request.Bool("includeExecutionData") ?? true;
        var page = await services.Runtime.GetExecutionHistoryAsync(
            arn, request.Bool("reverseOrder") ?? false, request.Int("maxResults", 0, 1000) ?? 0, request.String("nextToken"), cancellationToken);
        response.WriteStartArray("events");
        foreach (var e in page.Events)
        {
            HistoryEventJson.Write(response, includeData ? e : e with { Input = null, Output = null });
        }

        response.WriteEndArray();
        response.WriteOptional("nextToken", page.NextToken);
    }
}
