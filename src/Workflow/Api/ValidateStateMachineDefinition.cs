using System.Text.Json;
using System.Text.RegularExpressions;
using StepOrders.Workflow.Definitions;

namespace StepOrders.Workflow.Api;

/// <summary>
/// ValidateStateMachineDefinition: the faults CreateStateMachine would refuse, as diagnostics
/// (<c>{severity: "ERROR", code: "SCHEMA_VALIDATION_FAILED", message, location: "/States/Pay/Next"}</c>);
/// result FAIL when there is one. The validator raises no warnings.
/// </summary>
internal static partial class ValidateStateMachineDefinition
{
    public static Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var definition = request.RequiredString("definition");
        request.Enum("type", StateMachineType.Standard, "EXPRESS");
        request.Enum("severity", "ERROR", "WARNING");
        var limit = request.Int("maxResults", 0, 100) is > 0 and var max ? max : 100;
        IReadOnlyList<DefinitionProblem> problems;
        try
        {
            StateMachineDefinition.Parse(definition);
            problems = [];
        }
        catch (InvalidDefinitionException e)
        {
            problems = e.Problems;
        }

        response.WriteString("result", problems.Count == 0 ? "OK" : "FAIL");
        response.WriteStartArray("diagnostics");
        foreach (var problem in problems.Take(limit))
        {
            var coded = CodedMessage().Match(problem.Message);
            response.WriteStartObject();
            response.WriteString("severity", "ERROR");
            response.WriteString("code", coded.Success ? coded.Groups[1].Value : "SCHEMA_VALIDATION_FAILED");
            response.WriteString("message", coded.Success ? coded.Groups[2].Value : problem.Message);
            response.WriteString("location", problem.Path.Length == 0 ? "/" : problem.Path);
            response.WriteEndObject();
        }

        response.WriteEndArray();
        response.WriteBoolean("truncated", problems.Count > limit);
        return Task.CompletedTask;
    }

    /// <summary>Problems that carry AWS's code themselves: <c>INVALID_JSON_DESCRIPTION: …</c>.</summary>
    [GeneratedRegex("^([A-Z][A-Z_]+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex CodedMessage();
}
