using System.Text.Json.Nodes;

namespace StepOrders.Conformance.Tests;

/// <summary>
/// One recorded AWS execution from <c>shared/conformance/sfn/FEATURE/NAME.json</c>: a definition, its
/// input, what AWS returned and, in <c>task_stubbed/</c>, the Lambda results AWS recorded.
/// </summary>
internal sealed record ConformanceCase(
    string Feature,
    string Name,
    string QueryLanguage,
    string Definition,
    string Input,
    string ExpectedStatus,
    string? ExpectedError,
    string? ExpectedCause,
    JsonNode? ExpectedOutput,
    IReadOnlyList<TaskStub> TaskStubs)
{
    /// <summary>The case's id in test names and in known-failures.txt: <c>feature/name</c>.</summary>
    public string Id => $"{Feature}/{Name}";

    public static ConformanceCase Load(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var expected = json["expected"]!.AsObject();
        return new ConformanceCase(
            Feature: (string)json["feature"]!,
            Name: (string)json["name"]!,
            QueryLanguage: (string)json["queryLanguage"]!,
            Definition: json["definition"]!.ToJsonString(),
            Input: json["input"]?.ToJsonString() ?? "null",
            ExpectedStatus: (string)expected["status"]!,
            ExpectedError: (string?)expected["error"],
            ExpectedCause: (string?)expected["cause"],
            ExpectedOutput: expected["output"]?.DeepClone(),
            TaskStubs: [.. (json["taskStubs"]?.AsArray() ?? []).Select(s => TaskStub.From(s!.AsObject()))]);
    }
}

/// <summary>One recorded Lambda invocation: the state that made it, the payload AWS sent, and its result or error.</summary>
internal sealed record TaskStub(string State, JsonNode? Input, JsonNode? Result, string? Error, string? Cause)
{
    public static TaskStub From(JsonObject stub) => new(
        (string)stub["state"]!,
        stub["input"]?.DeepClone(),
        stub["result"]?.DeepClone(),
        (string?)stub["error"]?["error"],
        (string?)stub["error"]?["cause"]);
}
