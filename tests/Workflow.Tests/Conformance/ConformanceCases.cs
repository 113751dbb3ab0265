using System.Text.Json.Nodes;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests.Conformance;

/// <summary>Runs cases recorded on AWS (shared/conformance/sfn) through <see cref="SingleExecution"/>.</summary>
public class ConformanceCases
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/conformance/sfn");

    /// <summary>Features this runtime covers (JSONPath, no Map/Parallel, no variables yet).</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(Root))
        {
            return data;
        }

        foreach (var file in Directory.GetFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            var states = json["stateTypes"]?.AsArray().Select(s => s!.GetValue<string>()) ?? [];
            var text = json["definition"]?.ToJsonString() ?? "";
            if (json["queryLanguage"]?.GetValue<string>() == "JSONPath"
                && !states.Any(s => s is "Map" or "Parallel")
                && !text.Contains("\"Assign\"", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(Root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_recorded_AWS_result_is_reproduced(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, file)))!;
        var expected = json["expected"]!;
        var handlers = new TaskHandlerRegistry();
        var stubs = json["taskStubs"]?.AsArray() ?? [];
        foreach (var resource in json["definition"]!.ToJsonString().Split('"').Where(s => s.StartsWith("arn:aws:lambda:", StringComparison.Ordinal)).Distinct())
        {
            handlers.Register(resource, (_, context, _) =>
            {
                var stub = stubs.FirstOrDefault(s => s!["state"]!.GetValue<string>() == context.StateName && s["used"] is null)
                    ?? throw new InvalidOperationException($"No stub left for {context.StateName}");
                stub["used"] = true;
                return stub["error"] is { } error
                    ? throw new TaskFailedException(error["error"]!.GetValue<string>(), error["cause"]?.GetValue<string>())
                    : ValueTask.FromResult(stub["result"]?.DeepClone());
            });
        }

        var run = await SingleExecution.RunAsync(json["definition"]!.ToJsonString(), json["input"]?.ToJsonString() ?? "null", handlers, TestRuntime.Timeout);

        Assert.Equal(expected["status"]!.GetValue<string>(), run.Status.ToAwsName());
        if (run.Status == ExecutionStatus.Succeeded)
        {
            Assert.True(JsonNode.DeepEquals(Normalize(expected["output"]), Normalize(JsonNode.Parse(run.Output!))), run.Output);
        }
        else
        {
            Assert.Equal(expected["error"]?.GetValue<string>(), run.Error);
            Assert.Equal(expected["cause"]?.GetValue<string>(), run.Cause);
        }
    }

    /// <summary>Numbers compare by value (3 equals 3.0), as the cases' README asks.</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalize)]),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(v.GetValue<decimal>()),
        _ => node?.DeepClone(),
    };
}
