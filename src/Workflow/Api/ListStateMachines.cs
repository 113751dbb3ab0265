using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>ListStateMachines: by name, in pages; the token is the last name of the page before.</summary>
internal static class ListStateMachines
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var limit = request.Int("maxResults", 0, 1000) is > 0 and var max ? max : 100;
        var after = request.String("nextToken");
        if (after is { Length: 0 })
        {
            throw new WorkflowApiException(WorkflowErrorCodes.InvalidToken, "Invalid Token: ''");
        }

        var machines = (await services.Runtime.ListStateMachinesAsync(cancellationToken))
            .Where(m => after is null || string.CompareOrdinal(m.Name, after) > 0)
            .ToList();
        response.WriteStartArray("stateMachines");
        foreach (var machine in machines.Take(limit))
        {
            response.WriteStartObject();
            response.WriteString("stateMachineArn", machine.StateMachineArn);
            response.WriteString("name", machine.Name);
            response.WriteString("type", StateMachineType.Standard);
            response.WriteTimestamp("creationDate", machine.CreationDate);
            response.WriteEndObject();
        }

        response.WriteEndArray();
        if (machines.Count > limit)
        {
            response.WriteString("nextToken", machines[limit - 1].Name);
        }
    }
}
