using StepOrders.Workflow.Definitions;

namespace StepOrders.Workflow;

/// <summary>A registered state machine: its ARN, name, definition text (substitutions applied) and parsed form.</summary>
public sealed record StateMachineDescription(
    string StateMachineArn,
    string Name,
    string Definition,
    DateTimeOffset CreationDate,
    StateMachineDefinition Parsed);
