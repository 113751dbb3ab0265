using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StepOrders.Workflow.Jsonata;
using StepOrders.Workflow.Tests.Intrinsics;

namespace StepOrders.Workflow.Tests.Jsonata;

/// <summary>
/// The JSONata cases recorded against AWS whose result is the value of one state's JSONata fields:
/// a Pass state's Output or Assign, a Fail state's Error and Cause, a Map state's Items (its processor
/// passes items through). Evaluating those fields on the recorded input must give the recorded output,
/// or the recorded cause after AWS's "An error occurred while executing the state ..." prefix.
/// </summary>
public partial class JsonataConformanceTests
{
    private static readonly string[] Features =
        ["evaluate_jsonata", "intrinsic_functions_jsonata", "outputdecl", "assign", "map", "fail", "escape_sequences", "query_language", "choice", "wait", "task_stubbed"];

    public static TheoryData<string, string> SingleStateCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var feature in Features)
        {
            foreach (var name in ConformanceCases.Names(feature))
            {
                var testCase = ConformanceCases.Load(feature, name);
                var states = testCase["definition"]!["States"]!.AsObject();
                if ((string?)testCase["queryLanguage"] != "JSONPath" && states.Count == 1 && FieldsOf(states.Single().Value!.AsObject()).Any())
                {
                    data.Add(feature, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SingleStateCases))]
    public void The_state_fields_give_what_AWS_recorded(string feature, string name)
    {
        var testCase = ConformanceCases.Load(feature, name);
        var state = testCase["definition"]!["States"]!.AsObject().Single().Value!.AsObject();
        var expected = testCase["expected"]!.AsObject();
        var bindings = StatesBinding(testCase["input"]);

        var values = new Dictionary<string, JsonNode?>();
        QueryEvaluationException? failure = null;
        try
        {
            foreach (var field in FieldsOf(state))
            {
                values[field] = JsonataTemplate.Evaluate(Evaluators.Shared, field, state[field], null, bindings);
                if (field == "Items" && values[field] is not JsonArray)
                {
                    throw QueryEvaluationException.UnexpectedType(Expression(state[field]), field, "array", values[field]);
                }
            }
        }
        catch (QueryEvaluationException e)
        {
            failure = e;
        }

        if ((string?)expected["status"] == "SUCCEEDED")
        {
            Assert.Null(failure);
            var output = (string?)state["Type"] == "Map" ? values["Items"] : values.GetValueOrDefault("Output", testCase["input"]);
            Intrinsic.AssertJson(expected["output"]?.ToJsonString() ?? "null", output);
            Assert.All(
                values.Where(v => v.Key is "MaxConcurrency" or "ToleratedFailureCount" or "ToleratedFailurePercentage"),
                v => Assert.Equal("number", QueryEvaluationException.TypeName(v.Value)));
        }
        else if ((string?)expected["error"] == QueryEvaluationException.QueryEvaluationError)
        {
            Assert.NotNull(failure);
            Assert.Equal(AwsPrefix().Replace((string)expected["cause"]!, string.Empty), failure.Cause);
        }
        else
        {
            Assert.Null(failure);
            Assert.Equal((string?)expected["error"], (string?)values.GetValueOrDefault("Error"));
            Assert.Equal((string?)expected["cause"], (string?)values.GetValueOrDefault("Cause"));
        }
    }

    public static TheoryData<string, string> JsonataExpressions()
    {
        var data = new TheoryData<string, string>();
        foreach (var feature in Features)
        {
            foreach (var name in ConformanceCases.Names(feature))
            {
                var testCase = ConformanceCases.Load(feature, name);
                if ((string?)testCase["queryLanguage"] == "JSONPath")
                {
                    continue;
                }

                foreach (var expression in Strings(testCase["definition"]).Select(ExpressionOrNull).OfType<string>().Distinct())
                {
                    data.Add($"{feature}/{name}", expression);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonataExpressions))]
    public void Every_expression_in_the_JSONata_definitions_compiles(string testCase, string expression)
    {
        Assert.NotEmpty(testCase);
        Assert.Null(Evaluators.Shared.FindSyntaxError(expression));
    }

    [Fact]
    public void Output_adds_a_variable_assigned_by_an_earlier_state()
    {
        var testCase = ConformanceCases.Load("outputdecl", "base_cases_BASE_DIRECT_EXPR");
        var states = testCase["definition"]!["States"]!;
        var bindings = StatesBinding(testCase["input"]);
        bindings["var_constant_1"] = states["Init"]!["Assign"]!["var_constant_1"]!.DeepClone();

        var output = JsonataTemplate.Evaluate(Evaluators.Shared, "Output", states["State0"]!["Output"], null, bindings);

        Intrinsic.AssertJson(testCase["expected"]!["output"]!.ToJsonString(), output);
    }

    [Theory]
    [InlineData("escape_sequence_parsing_ESCAPE_SEQUENCES_JSONATA_COMPARISON_ASSIGN", "Assign")]
    [InlineData("escape_sequence_parsing_ESCAPE_SEQUENCES_JSONATA_COMPARISON_OUTPUT", "Output")]
    public void A_double_quote_compares_equal_to_a_single_quoted_literal(string name, string firstField)
    {
        var testCase = ConformanceCases.Load("escape_sequences", name);
        var states = testCase["definition"]!["States"]!;
        var first = states["Pass"]![firstField]!;
        var bindings = firstField == "Assign"
            ? StatesBinding(testCase["input"]).Concat(first.AsObject().Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))).ToDictionary()
            : StatesBinding(first.DeepClone());

        var output = JsonataTemplate.Evaluate(Evaluators.Shared, "Output", states["Check"]!["Output"], null, bindings);

        Intrinsic.AssertJson(testCase["expected"]!["output"]!.ToJsonString(), output);
    }

    private static Dictionary<string, JsonNode?> StatesBinding(JsonNode? input) => new()
    {
        ["states"] = new JsonObject
        {
            ["input"] = input?.DeepClone(),
            ["context"] = new JsonObject { ["Execution"] = new JsonObject { ["Input"] = input?.DeepClone() } },
        },
    };

    // The JSONata fields whose values these recordings show.
    private static IEnumerable<string> FieldsOf(JsonObject state) => (string?)state["Type"] switch
    {
        "Pass" when state.ContainsKey("Output") => ["Output"],
        "Pass" when state.ContainsKey("Assign") => ["Assign"],
        "Fail" => new[] { "Error", "Cause" }.Where(state.ContainsKey),
        "Map" when state.ContainsKey("Items") => new[] { "Items", "MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage" }.Where(state.ContainsKey),
        _ => [],
    };

    private static string Expression(JsonNode? field) => ExpressionOrNull((string?)field) ?? string.Empty;

    private static string? ExpressionOrNull(string? value) =>
        value is not null && JsonataTemplate.TryGetExpression(value, out var expression) ? expression : null;

    private static IEnumerable<string?> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(member => Strings(member.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex(@"^An error occurred while executing the state '[^']*' \(entered at the event id #\d+\)\. ")]
    private static partial Regex AwsPrefix();
}
