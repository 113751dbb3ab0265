using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>Turns a typed step into an <see cref="IWorkflowStep"/>: reads its input, writes its output.</summary>
public abstract class WorkflowStep<TInput, TOutput> : IWorkflowStep
{
    protected WorkflowStep(JsonTypeInfo<TInput> inputType, JsonTypeInfo<TOutput> outputType)
    {
        InputType = inputType;
        OutputType = outputType;
        Name = GetType().GetCustomAttribute<FunctionAttribute>()?.Name ?? GetType().Name;
    }

    public string Name { get; }

    private JsonTypeInfo<TInput> InputType { get; }

    private JsonTypeInfo<TOutput> OutputType { get; }

    public abstract Task<StepOutcome<TOutput>> HandleAsync(TInput input, CancellationToken cancellationToken);

    public async Task<StepInvocation> InvokeAsync(JsonNode? input, CancellationToken cancellationToken)
    {
        TInput? typed;
        try
        {
            typed = input is null ? default : input.Deserialize(InputType);
        }
        catch (JsonException e)
        {
            return new StepInvocation(null, new StepError(OrderErrors.Invalid, $"{Name} cannot read its input: {e.Message}"));
        }
        if (typed is null)
        {
            return new StepInvocation(null, new StepError(OrderErrors.Invalid, $"{Name} was called without input."));
        }
        StepOutcome<TOutput> outcome;
        try
        {
            outcome = await HandleAsync(typed, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            // Not this order's fault: the workflow retries Order.Transient with backoff.
            return new StepInvocation(null, new StepError(OrderErrors.Transient, $"{Name}: {e.Message}"));
        }
        return outcome.Error is { } error
            ? new StepInvocation(null, error)
            : new StepInvocation(JsonSerializer.SerializeToNode(outcome.Output!, OutputType), null);
    }
}
