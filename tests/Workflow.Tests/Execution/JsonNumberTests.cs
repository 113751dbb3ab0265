using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;

namespace StepOrders.Workflow.Tests.Execution;

public sealed class JsonNumberTests
{
    public static TheoryData<JsonNode, double> Numbers => new()
    {
        { JsonNode.Parse("0.30000000000000004")!, 0.30000000000000004 },
        { JsonValue.Create(0.1 + 0.2), 0.30000000000000004 },
        { JsonValue.Create(1e300), 1e300 },
        { JsonValue.Create(-1e-300), -1e-300 },
        { JsonValue.Create(9007199254740993L), 9007199254740993d },
        { JsonValue.Create(42), 42d },
        { JsonValue.Create(2.5m), 2.5d },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_is_read_as_a_double_whole_whether_parsed_or_built_in_memory(JsonNode number, double expected)
    {
        Assert.Equal(expected, JsonNumber.GetDouble(number));
    }
}
