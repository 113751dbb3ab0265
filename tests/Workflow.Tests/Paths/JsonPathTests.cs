using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.Tests.Paths;

public class JsonPathTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""
        {"a": {"b": [10, 20, 30], "c d": "x"}, "items": [{"v": 1}, {"v": 2}, {"v": 3}], "n": null}
        """)!;

    [Theory]
    [InlineData("$.a.b[1]", "20")]
    [InlineData("$['a']['c d']", "\"x\"")]
    [InlineData("$.a.b[-1]", "30")]
    [InlineData("$.items[*].v", "[1,2,3]")]
    [InlineData("$.items[1:].v", "[2,3]")]
    [InlineData("$.items[:1]", "[{\"v\":1}]")]
    [InlineData("$..v", "[1,2,3]")]
    [InlineData("$.n", "null")]
    [InlineData("$", null)]
    public void Definite_and_indefinite_paths_select_like_AWS(string path, string? expected)
    {
        Assert.True(JsonPath.Parse(path).TrySelect(Input, out var result, out _));
        Assert.Equal(expected ?? Input.ToJsonString(), result?.ToJsonString() ?? "null");
    }

    [Fact]
    public void A_missing_leaf_reports_no_results_for_the_normalized_path()
    {
        Assert.False(JsonPath.Parse("$.missing").TrySelect(Input, out _, out var failure));
        Assert.Equal("No results for path: $['missing']", failure);
    }

    [Fact]
    public void A_missing_intermediate_property_reports_missing_property()
    {
        Assert.False(JsonPath.Parse("$.no.such.path").TrySelect(Input, out _, out var failure));
        Assert.Equal("Missing property in path $['no']", failure);
    }

    [Fact]
    public void A_wildcard_on_a_missing_array_selects_an_empty_array()
    {
        Assert.True(JsonPath.Parse("$.nothing[*]").TrySelect(Input, out var result, out _));
        Assert.Equal("[]", result!.ToJsonString());
    }

    [Fact]
    public void Context_paths_start_with_two_dollars()
    {
        var path = JsonPath.Parse("$$.Execution.Input");
        Assert.Equal(PathRoot.Context, path.RootKind);
        Assert.True(path.IsDefinite);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("$.a[")]
    [InlineData("$.a[x]")]
    public void Malformed_paths_are_rejected_with_a_position(string text) =>
        Assert.Throws<JsonPathSyntaxException>(() => JsonPath.Parse(text));

    [Fact]
    public void Only_properties_and_indexes_make_a_reference_path()
    {
        Assert.True(JsonPath.Parse("$.a.b[0]").IsReference);
        Assert.False(JsonPath.Parse("$.a[*]").IsReference);
    }
}
