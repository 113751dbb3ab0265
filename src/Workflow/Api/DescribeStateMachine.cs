using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>DescribeStateMachine: the machine's definition as it was last created or updated.</summary>
internal static class DescribeStateMachine
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var arn = ArnCheck.StateMachine(request);
        request.Enum("includedData", "ALL_DATA", "METADATA_ONLY");
        var machine = await services.Runtime.DescribeStateMachineAsync(arn, cancellationToken);
        response.WriteString("stateMachineArn", machine.StateMachineArn);
        response.WriteString("name", machine.Name);
        response.WriteString("status", "ACTIVE");
        response.WriteString("definition", machine.Definition);
        response.WriteString("roleArn", services.RoleArn);
        response.WriteString("type", StateMachineType.Standard);
        response.WriteTimestamp("creationDate", machine.CreationDate);
        response.WriteStartObject("loggingConfiguration");
        response.WriteString("level", "OFF");
        response.WriteBoolean("includeExecutionData", false);
        response.WriteEndObject();
        response.WriteStartObject("tracingConfiguration");
        response.WriteBoolean("enabled", false);
        response.WriteEndObject();
    }
}
