using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Tests.Api;

public class ValidateStateMachineDefinitionTests
{
    [Fact]
    public async Task A_valid_definition_is_OK_with_no_diagnostics()
    {
        await using var api = new ApiCaller();
        var result = await api.OkAsync("ValidateStateMachineDefinition", new JsonObject
        {
            ["definition"] = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""",
        });
        Assert.Equal("OK", result.GetProperty("result").GetString());
        Assert.Empty(result.GetProperty("diagnostics").EnumerateArray());
        Assert.False(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task An_invalid_definition_FAILs_with_a_diagnostic_per_fault_and_its_location()
    {
        await using var api = new ApiCaller();
        var result = await api.OkAsync("ValidateStateMachineDefinition", new JsonObject
        {
            ["definition"] = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "Missing"}, "Q": {"Type": "Wait", "End": true}}}""",
        });
        Assert.Equal("FAIL", result.GetProperty("result").GetString());
        var diagnostics = result.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.True(diagnostics.Count >= 2, result.GetRawText());
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("ERROR", d.GetProperty("severity").GetString());
            Assert.Matches("^[A-Z_]+$", d.GetProperty("code").GetString());
            Assert.StartsWith("/", d.GetProperty("location").GetString(), StringComparison.Ordinal);
            Assert.NotEmpty(d.GetProperty("message").GetString()!);
        });
        Assert.Contains(diagnostics, d => d.GetProperty("location").GetString() == "/States/P/Next");
    }

    [Fact]
    public async Task Text_that_is_not_JSON_is_INVALID_JSON_DESCRIPTION_and_maxResults_truncates()
    {
        await using var api = new ApiCaller();
        var notJson = await api.OkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = "{" });
        Assert.Equal("INVALID_JSON_DESCRIPTION", Assert.Single(notJson.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());

        var truncated = await api.OkAsync("ValidateStateMachineDefinition", new JsonObject
        {
            ["definition"] = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "Missing"}, "Q": {"Type": "Wait", "End": true}}}""",
            ["maxResults"] = 1,
        });
        Assert.Single(truncated.GetProperty("diagnostics").EnumerateArray());
        Assert.True(truncated.GetProperty("truncated").GetBoolean());
    }
}
