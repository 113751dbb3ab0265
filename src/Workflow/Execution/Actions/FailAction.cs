using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Jsonata;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>
/// ASL: Fail State — fails the frame with an error and a cause: literal, read by path (must select a string),
/// computed by an intrinsic function, or (JSONata) by an expression. Without Error the failure has no name.
/// </summary>
internal sealed class FailAction(Interpreter interpreter) : StateAction<FailState>(interpreter)
{
    protected override ValueTask<Transition> EnterAsync(Frame frame, FailState fail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string? error, cause;
        if (fail.QueryLanguage == QueryLanguage.Jsonata)
        {
            var bindings = DataFlow.Bindings(frame);
            error = Expression(fail.Error, "Error", bindings);
            cause = Expression(fail.Cause, "Cause", bindings);
        }
        else
        {
            var scope = new PathScope(frame.StateInput, frame);
            error = fail.Error ?? Text(scope, fail.ErrorPath, fail.ErrorFunction, "ErrorPath");
            cause = fail.Cause ?? Text(scope, fail.CausePath, fail.CauseFunction, "CausePath");
        }

        return ValueTask.FromResult(Transition.Failed(error, cause));
    }

    private string? Expression(string? field, string name, IReadOnlyDictionary<string, JsonNode?> bindings)
    {
        if (field is null || !JsonataTemplate.TryGetExpression(field, out _))
        {
            return field;
        }

        var value = Data.Evaluate(name, JsonValue.Create(field), bindings, "string");
        return value!.GetValue<string>();
    }

    private static string? Text(PathScope scope, JsonPath? path, string? function, string field)
    {
        if (path is null && function is null)
        {
            return null;
        }

        var value = path is not null ? scope.Select(path) : IntrinsicCall.Evaluate(function!, scope);
        return value?.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw StatesErrorException.Runtime($"The {field} field must resolve to a string, but was: {JsonText.Serialize(value)}");
    }
}
