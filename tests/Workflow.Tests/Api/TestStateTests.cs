using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests.Api;

public class TestStateTests
{
    private static readonly string Charge = TestRuntime.Lambda + "Charge";

    [Fact]
    public async Task A_Pass_state_SUCCEEDS_with_its_output_next_state_and_each_processing_step_at_DEBUG()
    {
        await using var api = new ApiCaller();
        var result = await api.OkAsync("TestState", new JsonObject
        {
            ["definition"] = """{"Type": "Pass", "InputPath": "$.order", "Parameters": {"id.$": "$.id"}, "ResultPath": "$.picked", "OutputPath": "$.picked", "Next": "Pay"}""",
            ["input"] = """{"order": {"id": "o-1", "total": 3}}""",
            ["inspectionLevel"] = "DEBUG",
        });
        Assert.Equal("SUCCEEDED", result.GetProperty("status").GetString());
        Assert.Equal("""{"id":"o-1"}""", result.GetProperty("output").GetString());
        Assert.Equal("Pay", result.GetProperty("nextState").GetString());
        var inspection = result.GetProperty("inspectionData");
        Assert.Equal("""{"order":{"id":"o-1","total":3}}""", inspection.GetProperty("input").GetString());
        Assert.Equal("""{"id":"o-1","total":3}""", inspection.GetProperty("afterInputPath").GetString());
        Assert.Equal("""{"id":"o-1"}""", inspection.GetProperty("afterParameters").GetString());
        Assert.Equal("""{"order":{"id":"o-1","total":3},"picked":{"id":"o-1"}}""", inspection.GetProperty("afterResultPath").GetString());
    }

    [Fact]
    public async Task INFO_answers_without_inspection_data_and_an_end_state_has_no_next_state()
    {
        await using var api = new ApiCaller();
        var result = await api.OkAsync("TestState", new JsonObject { ["definition"] = """{"Type": "Pass", "Result": 7, "End": true}""" });
        Assert.Equal(("SUCCEEDED", "7"), (result.GetProperty("status").GetString(), result.GetProperty("output").GetString()));
        Assert.False(result.TryGetProperty("nextState", out _));
        Assert.False(result.TryGetProperty("inspectionData", out _));
    }

    [Fact]
    public async Task A_Choice_state_names_the_branch_it_took()
    {
        await using var api = new ApiCaller();
        var definition = """{"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Big"}], "Default": "Small"}""";
        var big = await api.OkAsync("TestState", new JsonObject { ["definition"] = definition, ["input"] = """{"n": 11}""" });
        var small = await api.OkAsync("TestState", new JsonObject { ["definition"] = definition, ["input"] = """{"n": 1}""" });
        Assert.Equal("Big", big.GetProperty("nextState").GetString());
        Assert.Equal("Small", small.GetProperty("nextState").GetString());
    }

    [Fact]
    public async Task A_Task_runs_the_hosts_handler_and_shows_its_effective_input_and_result()
    {
        var handlers = new TaskHandlerRegistry().Register(Charge, (input, _, _) =>
            ValueTask.FromResult<JsonNode?>(new JsonObject { ["charged"] = input!["amount"]!.DeepClone(), ["fee"] = 1 }));
        await using var api = new ApiCaller(handlers);
        var result = await api.OkAsync("TestState", new JsonObject
        {
            ["definition"] = TestRuntime.Fill("""
                {"Type": "Task", "Resource": "@0@", "Parameters": {"amount.$": "$.total"},
                 "ResultSelector": {"paid.$": "$.charged"}, "ResultPath": "$.payment", "End": true}
                """, Charge),
            ["input"] = """{"total": 42}""",
            ["inspectionLevel"] = "TRACE",
        });
        Assert.Equal("SUCCEEDED", result.GetProperty("status").GetString());
        Assert.Equal("""{"total":42,"payment":{"paid":42}}""", result.GetProperty("output").GetString());
        var inspection = result.GetProperty("inspectionData");
        Assert.Equal("""{"amount":42}""", inspection.GetProperty("afterParameters").GetString());
        Assert.Equal("""{"charged":42,"fee":1}""", inspection.GetProperty("result").GetString());
        Assert.Equal("""{"paid":42}""", inspection.GetProperty("afterResultSelector").GetString());
        Assert.Equal("""{"total":42,"payment":{"paid":42}}""", inspection.GetProperty("afterResultPath").GetString());
    }

    [Fact]
    public async Task A_failure_a_retrier_matches_is_RETRIABLE_until_its_attempts_are_spent_then_CAUGHT_ERROR()
    {
        var handlers = new TaskHandlerRegistry().Register(Charge, (_, _, _) => throw new TaskFailedException("Payment.Flaky", "try again"));
        await using var api = new ApiCaller(handlers);
        var definition = TestRuntime.Fill("""
            {"Type": "Task", "Resource": "@0@", "End": true,
             "Retry": [{"ErrorEquals": ["Other"]}, {"ErrorEquals": ["Payment.Flaky"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 2}],
             "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Refund"}]}
            """, Charge);

        var retriable = await api.OkAsync("TestState", new JsonObject
        {
            ["definition"] = definition,
            ["input"] = """{"a":1}""",
            ["inspectionLevel"] = "DEBUG",
            ["stateConfiguration"] = new JsonObject { ["retrierRetryCount"] = 1 },
        });
        Assert.Equal(("RETRIABLE", "Payment.Flaky", "try again"),
            (retriable.GetProperty("status").GetString(), retriable.GetProperty("error").GetString(), retriable.GetProperty("cause").GetString()));
        var details = retriable.GetProperty("inspectionData").GetProperty("errorDetails");
        Assert.Equal((1, 6), (details.GetProperty("retryIndex").GetInt32(), details.GetProperty("retryBackoffIntervalSeconds").GetInt32()));

        var caught = await api.OkAsync("TestState", new JsonObject
        {
            ["definition"] = definition,
            ["input"] = """{"a":1}""",
            ["inspectionLevel"] = "DEBUG",
            ["stateConfiguration"] = new JsonObject { ["retrierRetryCount"] = 2 },
        });
        Assert.Equal("CAUGHT_ERROR", caught.GetProperty("status").GetString());
        Assert.Equal("Refund", caught.GetProperty("nextState").GetString());
        Assert.Equal("""{"a":1,"failure":{"Error":"Payment.Flaky","Cause":"try again"}}""", caught.GetProperty("output").GetString());
        Assert.Equal(0, caught.GetProperty("inspectionData").GetProperty("errorDetails").GetProperty("catchIndex").GetInt32());
    }

    [Fact]
    public async Task A_Fail_state_FAILS_with_its_error_and_cause()
    {
        await using var api = new ApiCaller();
        var result = await api.OkAsync("TestState", new JsonObject { ["definition"] = """{"Type": "Fail", "Error": "Order.Invalid", "Cause": "no lines"}""" });
        Assert.Equal(("FAILED", "Order.Invalid", "no lines"),
            (result.GetProperty("status").GetString(), result.GetProperty("error").GetString(), result.GetProperty("cause").GetString()));
        Assert.False(result.TryGetProperty("output", out _));
    }

    [Fact]
    public async Task A_mock_answers_for_the_Task_with_its_result_or_its_error()
    {
        await using var api = new ApiCaller();
        var definition = """{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "Nowhere"}, "OutputPath": "$.Payload", "End": true}""";
        var result = await api.OkAsync("TestState", new JsonObject
        {
            ["definition"] = definition,
            ["mock"] = new JsonObject { ["result"] = """{"Payload": {"ok": true}}""" },
        });
        Assert.Equal(("SUCCEEDED", """{"ok":true}"""), (result.GetProperty("status").GetString(), result.GetProperty("output").GetString()));
        var failed = await api.OkAsync("TestState", new JsonObject
        {
            ["definition"] = definition,
            ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "Lambda.ServiceException", ["cause"] = "down" } },
        });
        Assert.Equal(("FAILED", "Lambda.ServiceException"), (failed.GetProperty("status").GetString(), failed.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task A_state_of_a_whole_machine_is_tested_by_name()
    {
        await using var api = new ApiCaller();
        var result = await api.OkAsync("TestState", new JsonObject
        {
            ["definition"] = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Result": "b", "Next": "A"}}}""",
            ["stateName"] = "B",
        });
        Assert.Equal(("SUCCEEDED", "\"b\"", "A"),
            (result.GetProperty("status").GetString(), result.GetProperty("output").GetString(), result.GetProperty("nextState").GetString()));
    }

    [Fact]
    public async Task An_invalid_state_is_InvalidDefinition_and_bad_input_InvalidExecutionInput()
    {
        await using var api = new ApiCaller();
        var invalid = await api.CallAsync("TestState", new JsonObject { ["definition"] = """{"Type": "Pass"}""" });
        Assert.Equal("InvalidDefinition", invalid.ErrorCode);
        var badInput = await api.CallAsync("TestState", new JsonObject { ["definition"] = """{"Type": "Pass", "End": true}""", ["input"] = "{" });
        Assert.Equal("InvalidExecutionInput", badInput.ErrorCode);
        var noState = await api.CallAsync("TestState", new JsonObject
        {
            ["definition"] = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""",
            ["stateName"] = "Z",
        });
        Assert.Equal("ValidationException", noState.ErrorCode);
        Assert.Equal(JsonValueKind.String, noState.Body.GetProperty("message").ValueKind);
    }
}
