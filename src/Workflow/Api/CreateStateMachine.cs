using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>
/// CreateStateMachine: idempotent as on AWS — the same name and definition answer with the existing machine, the
/// same name and another definition is StateMachineAlreadyExists (UpdateStateMachine changes a definition).
/// Only STANDARD machines exist here. The role is accepted and not assumed.
/// </summary>
internal static class CreateStateMachine
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var name = request.RequiredString("name");
        var definition = request.RequiredString("definition");
        request.String("roleArn");
        StateMachineType.RequireStandard(request);
        if (!Arns.IsValidName(name))
        {
            throw new WorkflowApiException(WorkflowErrorCodes.InvalidName, $"Invalid Name: '{name}'");
        }

        var existing = await FindAsync(services, services.StateMachineArn(name), cancellationToken);
        if (existing is not null && existing.Definition != definition)
        {
            throw new WorkflowApiException(StateMachineType.AlreadyExists, $"State Machine Already Exists: '{existing.StateMachineArn}'");
        }

        var machine = existing ?? await services.Runtime.CreateStateMachineAsync(name, definition, cancellationToken: cancellationToken);
        response.WriteString("stateMachineArn", machine.StateMachineArn);
        response.WriteTimestamp("creationDate", machine.CreationDate);
    }

    private static async Task<StateMachineDescription?> FindAsync(ApiServices services, string arn, CancellationToken cancellationToken)
    {
        try
        {
            return await services.Runtime.DescribeStateMachineAsync(arn, cancellationToken);
        }
        catch (WorkflowApiException e) when (e.ErrorCode == WorkflowErrorCodes.StateMachineDoesNotExist)
        {
            return null;
        }
    }
}
