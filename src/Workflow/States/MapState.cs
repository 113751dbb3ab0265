using System.Text.Json.Nodes;
using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>
/// ASL: Map State — runs the item processor once per item of the selected array, INLINE (in the
/// execution) or DISTRIBUTED (child runs; here in the execution too, without ItemReader/ResultWriter).
/// </summary>
public sealed record MapState : State, IErrorHandling
{
    public required StateMachineDefinition ItemProcessor { get; init; }

    public MapProcessorMode Mode { get; init; } = MapProcessorMode.Inline;

    public JsonPath? ItemsPath { get; init; } = JsonPath.Root;

    /// <summary>JSONata: Items, an array or a "{% %}" expression (default: the state input).</summary>
    public PayloadTemplate? Items { get; init; }

    /// <summary>ItemSelector (or the legacy Parameters); in JSONata states a template of "{% %}" expressions.</summary>
    public PayloadTemplate? ItemSelector { get; init; }

    public int MaxConcurrency { get; init; }

    public JsonPath? MaxConcurrencyPath { get; init; }

    public string? MaxConcurrencyExpression { get; init; }

    public long? ToleratedFailureCount { get; init; }

    public JsonPath? ToleratedFailureCountPath { get; init; }

    public string? ToleratedFailureCountExpression { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPath? ToleratedFailurePercentagePath { get; init; }

    public string? ToleratedFailurePercentageExpression { get; init; }

    public string? Label { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public JsonPath? ResultPath { get; init; } = JsonPath.Root;

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    public override StateType Type => StateType.Map;
}

/// <summary>ASL: ItemProcessor.ProcessorConfig.Mode.</summary>
public enum MapProcessorMode
{
    Inline,
    Distributed,
}
