namespace StepOrders.Workflow.Storage;

internal sealed record StateMachineRow(string Arn, string Name, string Definition, DateTimeOffset CreationDate);
