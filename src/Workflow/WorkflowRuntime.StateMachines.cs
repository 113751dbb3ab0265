using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.Storage;

namespace StepOrders.Workflow;

/// <summary>CreateStateMachine (get or update), DescribeStateMachine, ListStateMachines.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Creates the state machine, or updates the definition of the one with this name. <c>${Name}</c>
    /// placeholders are replaced from <paramref name="substitutions"/> first. Throws InvalidDefinition (with
    /// each fault's JSON path) or InvalidName. Running executions keep the definition they started with.
    /// </summary>
    public async Task<StateMachineDescription> CreateStateMachineAsync(
        string name, string definition, IReadOnlyDictionary<string, string>? substitutions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(definition);
        if (!Arns.IsValidName(name))
        {
            throw new WorkflowApiException(WorkflowErrorCodes.InvalidName, $"Invalid Name: '{name}'");
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
        var text = DefinitionSubstitutions.Apply(definition, substitutions);
        var parsed = StateMachineDefinition.Parse(text);
        var row = await store.PutStateMachineAsync(
            new StateMachineRow(arns.StateMachine(name), name, text, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var description = new StateMachineDescription(row.Arn, name, text, row.CreationDate, parsed);
        machines[row.Arn] = description;
        return description;
    }

    public async Task<StateMachineDescription> DescribeStateMachineAsync(
        string stateMachineArn, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        return await GetMachineAsync(stateMachineArn, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StateMachineDescription>> ListStateMachinesAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var rows = await store.ListStateMachinesAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StateMachineDescription>();
        foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            result.Add(await GetMachineAsync(row.Arn, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    private async Task<StateMachineDescription> GetMachineAsync(string arn, CancellationToken cancellationToken)
    {
        if (machines.TryGetValue(arn, out var cached))
        {
            return cached;
        }

        var row = await store.GetStateMachineAsync(arn, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowApiException(WorkflowErrorCodes.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{arn}'");
        var description = new StateMachineDescription(row.Arn, row.Name, row.Definition, row.CreationDate,
            StateMachineDefinition.Parse(row.Definition));
        return machines.GetOrAdd(arn, description);
    }
}
