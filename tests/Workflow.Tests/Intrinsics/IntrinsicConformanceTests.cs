using System.Text.Json.Nodes;
using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Tests.Intrinsics;

/// <summary>
/// The intrinsic_functions cases recorded against AWS: each is one Pass state whose Parameters call
/// an intrinsic on the execution input. Building those Parameters here (with a plain path resolver
/// standing in for the interpreter) must give the execution output AWS recorded.
/// </summary>
public class IntrinsicConformanceTests
{
    public static TheoryData<string> IntrinsicCases() => new(ConformanceCases.Names("intrinsic_functions"));

    [Theory]
    [MemberData(nameof(IntrinsicCases))]
    public void Pass_state_parameters_give_the_output_AWS_recorded(string name)
    {
        var testCase = ConformanceCases.Load("intrinsic_functions", name);
        var states = testCase["definition"]!["States"]!.AsObject();
        var state = Assert.Single(states).Value!.AsObject();
        Assert.Equal("Pass", (string?)state["Type"]);
        var input = testCase["input"];

        var effective = Build(state["Parameters"], input);
        if (state["ResultPath"] is JsonValue resultPath)
        {
            effective = Place(input!.DeepClone(), (string)resultPath!, effective);
        }

        if (state["OutputPath"] is JsonValue outputPath)
        {
            effective = TestPaths.Resolver(effective)((string)outputPath!);
        }

        Intrinsic.AssertJson(testCase["expected"]!["output"]!.ToJsonString(), effective);
    }

    public static TheoryData<string, string> IntrinsicsInOtherFeatures()
    {
        var data = new TheoryData<string, string>();
        foreach (var feature in new[] { "assign", "base", "map", "map_distributed", "escape_sequences", "outputdecl" })
        {
            foreach (var name in ConformanceCases.Names(feature))
            {
                foreach (var expression in DynamicStrings(ConformanceCases.Load(feature, name)["definition"]).Where(IntrinsicFunctions.IsIntrinsic))
                {
                    data.Add($"{feature}/{name}", expression);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IntrinsicsInOtherFeatures))]
    public void Every_intrinsic_AWS_accepted_in_a_definition_parses(string testCase, string expression)
    {
        Assert.NotEmpty(testCase);
        var call = IntrinsicFunctions.Parse(expression);
        Assert.StartsWith("States.", call.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_state_error_and_cause_paths_give_what_AWS_recorded()
    {
        var testCase = ConformanceCases.Load("base", "state_fail_intrinsic");
        var fail = testCase["definition"]!["States"]!["FailState"]!;
        var input = testCase["input"]!.ToJsonString();

        Intrinsic.AssertJson(testCase["expected"]!["error"]!.ToJsonString(), Intrinsic.Evaluate((string)fail["ErrorPath"]!, input));
        Intrinsic.AssertJson(testCase["expected"]!["cause"]!.ToJsonString(), Intrinsic.Evaluate((string)fail["CausePath"]!, input));
    }

    [Fact]
    public void Assign_from_every_intrinsic_gives_the_documented_values()
    {
        var testCase = ConformanceCases.Load("assign", "assign_from_value_BASE_ASSIGN_FROM_INTRINSIC_FUNCTION");
        var state = testCase["definition"]!["States"]!["State0"]!;
        var assigned = Build(state["Assign"], state["Result"])!;

        Intrinsic.AssertJson(
            """
            {
              "simpleArray": ["a", "b", "c"], "partitionedArray": [[1, 2], [3, 4], [5, 6]], "containsElement": true,
              "numberRange": [1, 3, 5, 7, 9], "thirdElement": 3, "arraySize": 6, "uniqueValues": [1, 2, 3, 4]
            }
            """,
            assigned["arrayOps"]);
        Intrinsic.AssertJson("""{ "encoded": "SGVsbG8gV29ybGQ=", "decoded": "Hello World" }""", assigned["encodingOps"]);
        Intrinsic.AssertJson("""{ "hashValue": "1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e" }""", assigned["hashOps"]);
        Intrinsic.AssertJson(
            """{ "mergedJson": { "a": 1, "b": 2, "c": 3, "d": 4 }, "parsedJson": { "key": "value" }, "stringifiedJson": "{\"test\":\"object\"}" }""",
            assigned["jsonOps"]);
        Intrinsic.AssertJson("""{ "sum": 8 }""", assigned["mathOps"]);
        Intrinsic.AssertJson(
            """{ "splitString": ["a", "b", "c", "d", "e"], "formattedString": "Hello John, welcome to LocalStack!" }""",
            assigned["stringOps"]);
        Assert.True(Guid.TryParse((string?)assigned["uuidOp"]!["uniqueId"], out _));
    }

    [Fact]
    public void Nested_math_add_over_variables_rounds_the_fractional_bias()
    {
        var variables = new Dictionary<string, JsonNode?>
        {
            ["xCurrent"] = 9,
            ["yCurrent"] = 44,
            ["zCurrent"] = 6,
            ["bias"] = 4.3,
        };
        var sum = IntrinsicFunctions.Evaluate(
            "States.MathAdd(States.MathAdd(States.MathAdd($yCurrent, $xCurrent), $zCurrent), $bias)",
            TestPaths.Resolver(null, variables),
            new IntrinsicContext(new Random(1)));

        Intrinsic.AssertJson("63", sum);
    }

    [Fact]
    public void Map_reentrant_setup_builds_an_inclusive_range()
    {
        Intrinsic.AssertJson("[0, 1, 2, 3]", Intrinsic.Evaluate("States.ArrayRange(0, 3, 1)"));
        Intrinsic.AssertJson("2", Intrinsic.Evaluate("States.MathAdd($.Iterations, -1)", """{ "Iterations": 3 }"""));
    }

    // Builds a payload template as a JSONPath state does: "key.$" values are paths or intrinsic calls.
    private static JsonNode? Build(JsonNode? template, JsonNode? input)
    {
        switch (template)
        {
            case JsonObject obj:
                var built = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal) && value is JsonValue expression)
                    {
                        var text = (string)expression!;
                        built[key[..^2]] = IntrinsicFunctions.IsIntrinsic(text)
                            ? IntrinsicFunctions.Evaluate(text, TestPaths.Resolver(input), new IntrinsicContext(new Random(3)))
                            : TestPaths.Resolver(input)(text)?.DeepClone();
                    }
                    else
                    {
                        built[key] = Build(value, input);
                    }
                }

                return built;
            case JsonArray array:
                return new JsonArray(array.Select(item => Build(item, input)).ToArray());
            default:
                return template?.DeepClone();
        }
    }

    private static JsonNode Place(JsonNode target, string path, JsonNode? value)
    {
        var names = path.Split('.')[1..];
        var parent = target.AsObject();
        foreach (var name in names[..^1])
        {
            parent = (parent[name] ??= new JsonObject()).AsObject();
        }

        parent[names[^1]] = value;
        return target;
    }

    // The values of "key.$" members and of *Path fields, where ASL accepts intrinsic calls; a Pass
    // state's Result is literal and never evaluated.
    private static IEnumerable<string> DynamicStrings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(member => member.Key != "Result").SelectMany(member =>
            (member.Key.EndsWith(".$", StringComparison.Ordinal) || member.Key.EndsWith("Path", StringComparison.Ordinal)) && member.Value is JsonValue value && value.TryGetValue<string>(out var text)
                ? [text]
                : DynamicStrings(member.Value)),
        JsonArray array => array.SelectMany(DynamicStrings),
        _ => [],
    };
}
