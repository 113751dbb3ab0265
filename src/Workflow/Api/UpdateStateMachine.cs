using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>UpdateStateMachine: a new definition for new executions; running ones keep theirs (as on AWS).</summary>
internal static class UpdateStateMachine
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var arn = ArnCheck.StateMachine(request);
        var definition = request.String("definition");
        var roleArn = request.String("roleArn");
        if (definition is null && roleArn is null)
        {
            throw new WorkflowApiException("MissingRequiredParameter", "Either the definition or the roleArn must be specified.");
        }

        var machine = await services.Runtime.DescribeStateMachineAsync(arn, cancellationToken);
        if (definition is not null)
        {
            await services.Runtime.CreateStateMachineAsync(machine.Name, definition, cancellationToken: cancellationToken);
        }

        response.WriteTimestamp("updateDate", services.Time.GetUtcNow());
    }
}
