using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>
/// ASL: Map State — runs the item processor once per item (ItemsPath, or JSONata Items), each on the item or
/// on what ItemSelector makes of it (with <c>$$.Map.Item</c>), up to MaxConcurrency at once. The result is
/// the array of the iterations' outputs in item order. A failed iteration fails the state with its error,
/// unless ToleratedFailureCount/Percentage allow it; past the threshold the state fails with
/// States.ExceedToleratedFailureThreshold. INLINE iterations record their events in this execution's history
/// and read the outer variables; DISTRIBUTED ones stand for child executions: they do neither.
/// </summary>
internal sealed class MapAction(Interpreter interpreter) : StateAction<MapState>(interpreter)
{
    protected override async ValueTask<Transition> EnterAsync(Frame frame, MapState map, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = map.QueryLanguage == QueryLanguage.Jsonata ? PlanJsonata(frame, map) : PlanJsonPath(frame, map);
        Interpreter.Emit(frame, new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.MapStateStarted, Length = plan.Inputs.Count });
        frame.Phase = RunPhase.Branches;
        var distributed = map.Mode == MapProcessorMode.Distributed;
        var iterations = plan.Inputs
            .Select(input => new Frame(frame.Run, map.ItemProcessor, new VariableScope(distributed ? null : frame.Variables), distributed || frame.Detached)
            {
                StateInput = input,
            })
            .ToList();
        var group = new FrameGroup(Interpreter, iterations)
        {
            Observe = distributed ? null : (index, e) => Interpreter.Emit(frame, new HistoryEvent
            {
                Id = 0,
                Timestamp = now,
                Type = e switch
                {
                    FrameEvent.Started => HistoryEventType.MapIterationStarted,
                    FrameEvent.Succeeded => HistoryEventType.MapIterationSucceeded,
                    FrameEvent.Failed => HistoryEventType.MapIterationFailed,
                    _ => HistoryEventType.MapIterationAborted,
                },
                Name = map.Name,
                Index = index,
            }),
        };
        try
        {
            await group.RunAsync(plan.MaxConcurrency, plan.Tolerates, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Interpreter.Emit(frame, new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.MapStateAborted });
            throw;
        }

        if (group.Failure is { } failure)
        {
            Interpreter.Emit(frame, new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.MapStateFailed });
            throw plan.HasThreshold || distributed
                ? new StatesErrorException(ErrorNames.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded")
                : new StatesErrorException(failure.Error, failure.Cause, described: true);
        }

        Interpreter.Emit(frame, new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.MapStateSucceeded });
        return Finish(frame, map, new JsonArray(group.Results), Interpreter.Time.GetUtcNow());
    }

    /// <summary>A retry (or a resume after a crash) runs every iteration again.</summary>
    protected override ValueTask<Transition> ResumeAsync(Frame frame, MapState map, DateTimeOffset now, CancellationToken cancellationToken) =>
        EnterAsync(frame, map, now, cancellationToken);

    private static MapPlan PlanJsonPath(Frame frame, MapState map)
    {
        var effective = DataFlow.EffectiveInput(frame, map);
        var scope = new PathScope(effective, frame);
        var selected = map.ItemsPath is { } itemsPath ? DataFlow.Select(itemsPath, scope) : effective;
        if (selected is not JsonArray items)
        {
            throw StatesErrorException.Runtime($"Map state input must be an array but was: {JsonText.Serialize(selected)}");
        }

        var maxConcurrency = map.MaxConcurrencyPath is { } path
            ? (int)IntegerAt(scope, path, "MaxConcurrencyPath", int.MaxValue)
            : map.MaxConcurrency;
        var count = map.ToleratedFailureCountPath is { } countPath
            ? IntegerAt(scope, countPath, "ToleratedFailureCountPath", long.MaxValue)
            : map.ToleratedFailureCount;
        var percentage = map.ToleratedFailurePercentagePath is { } percentagePath
            ? NumberAt(scope, percentagePath)
            : map.ToleratedFailurePercentage;
        var inputs = new List<JsonNode?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            inputs.Add(map.ItemSelector is { } selector
                ? selector.Build(new PathScope(effective, new MapItemContext(frame, i, item)))
                : item?.DeepClone());
        }

        return new MapPlan(inputs, maxConcurrency, Threshold(count, percentage, items.Count));
    }

    private MapPlan PlanJsonata(Frame frame, MapState map)
    {
        var bindings = DataFlow.Bindings(frame);
        var selected = map.Items is { } itemsField ? Data.Evaluate("Items", itemsField.Source, bindings, "array") : frame.StateInput;
        if (selected is not JsonArray items)
        {
            throw StatesErrorException.QueryEvaluation($"Map state input must be an array but was: {JsonText.Serialize(selected)}");
        }

        var maxConcurrency = map.MaxConcurrencyExpression is { } concurrency
            ? (int)Whole(Data.Evaluate("MaxConcurrency", JsonValue.Create(concurrency), bindings, "number"), "MaxConcurrency", int.MaxValue)
            : map.MaxConcurrency;
        var count = map.ToleratedFailureCountExpression is { } countField
            ? Whole(Data.Evaluate("ToleratedFailureCount", JsonValue.Create(countField), bindings, "number"), "ToleratedFailureCount", long.MaxValue)
            : map.ToleratedFailureCount;
        var percentage = map.ToleratedFailurePercentageExpression is { } percentageField
            ? Percentage(Data.Evaluate("ToleratedFailurePercentage", JsonValue.Create(percentageField), bindings, "number"))
            : map.ToleratedFailurePercentage;
        var inputs = new List<JsonNode?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            inputs.Add(map.ItemSelector is { } selector
                ? Data.Evaluate("ItemSelector", selector.Source, DataFlow.Bindings(frame, new MapItemContext(frame, i, items[i])))
                : items[i]?.DeepClone());
        }

        return new MapPlan(inputs, maxConcurrency, Threshold(count, percentage, items.Count));
    }

    private Transition Finish(Frame frame, MapState map, JsonNode result, DateTimeOffset now)
    {
        if (map.QueryLanguage == QueryLanguage.Jsonata)
        {
            var bindings = DataFlow.Bindings(frame, "result", result);
            var assigned = Data.Assignments(frame, map, map.Assign, null, null, bindings);
            return Interpreter.Exit(frame, map, Data.Output(map.Output, result, bindings), assigned, now);
        }

        var selected = map.ResultSelector is { } selector ? selector.Build(new PathScope(result, frame)) : result;
        var assignments = Data.Assignments(frame, map, null, map.AssignTemplate, selected, null);
        var output = ResultPathWriter.Apply(frame.StateInput, map.ResultPath, selected);
        return Interpreter.Exit(frame, map, DataFlow.ApplyOutputPath(frame, map, output), assignments, now);
    }

    /// <summary>The tolerated failures as a test on the count so far; null when the state sets no threshold.</summary>
    private static Func<int, bool>? Threshold(long? count, double? percentage, int items)
    {
        if (count is null && percentage is null)
        {
            return null;
        }

        return failures => (count is { } c && failures <= c) || (percentage is { } p && 100.0 * failures / items <= p);
    }

    /// <summary>MaxConcurrencyPath and ToleratedFailureCountPath: a non-negative integer.</summary>
    private static long IntegerAt(PathScope scope, JsonPath path, string field, long max)
    {
        var value = scope.Select(path);
        if (!JsonNumber.TryGetInt64(value, out var number) && !TryParse(value, out number))
        {
            throw StatesErrorException.Runtime($"The {field} field refers to value \"{Text(value)}\" which is not a valid integer: {path.Text}");
        }

        return number < 0 && field == "ToleratedFailureCountPath"
            ? throw StatesErrorException.Runtime("ToleratedFailureCount cannot be negative.")
            : Math.Clamp(number, 0, max);
    }

    private static double NumberAt(PathScope scope, JsonPath path)
    {
        var value = scope.Select(path);
        if (value?.GetValueKind() == JsonValueKind.String
            && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            value = JsonValue.Create(parsed);
        }

        return value?.GetValueKind() == JsonValueKind.Number
            ? Percentage(value)
            : throw StatesErrorException.Runtime(
                $"The ToleratedFailurePercentagePath field refers to value \"{Text(value)}\" which is not a valid float: {path.Text}");
    }

    private static double Percentage(JsonNode? value)
    {
        var percentage = JsonNumber.GetDouble(value!);
        return percentage is >= 0 and <= 100
            ? percentage
            : throw StatesErrorException.Runtime("ToleratedFailurePercentage must be between 0 and 100.");
    }

    private static long Whole(JsonNode? value, string field, long max) =>
        JsonNumber.TryGetInt64(value, out var number) && number >= 0
            ? Math.Min(number, max)
            : throw StatesErrorException.QueryEvaluation($"The {field} field must be a non-negative integer, but was: {JsonText.Serialize(value)}");

    /// <summary>A path may also select the integer as text ("1"), as AWS accepts.</summary>
    private static bool TryParse(JsonNode? value, out long number)
    {
        number = 0;
        return value?.GetValueKind() == JsonValueKind.String
            && long.TryParse(value.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>AWS quotes a string's text and any other value's JSON.</summary>
    private static string Text(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : JsonText.Serialize(value);

    private sealed record MapPlan(IReadOnlyList<JsonNode?> Inputs, int MaxConcurrency, Func<int, bool>? Threshold)
    {
        public bool HasThreshold => Threshold is not null;

        public Func<int, bool> Tolerates => Threshold ?? (_ => false);
    }

    /// <summary>The context object while ItemSelector is evaluated: the Map state's, with <c>Map.Item.Index</c> and <c>Map.Item.Value</c>.</summary>
    private sealed class MapItemContext(Frame frame, int index, JsonNode? value) : IPathContext
    {
        private JsonNode? context;

        public JsonNode? ContextObject => context ??= Build();

        public JsonNode? GetVariable(string name) => frame.GetVariable(name);

        private JsonObject Build()
        {
            var built = (JsonObject)frame.ContextObject!.DeepClone();
            built["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = index, ["Value"] = value?.DeepClone() } };
            return built;
        }
    }
}
