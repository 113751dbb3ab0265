using System.Text.Json.Nodes;
using StepOrders.Workflow.Api;

namespace StepOrders.Workflow.Tests.Api;

public class ProtocolTests
{
    [Fact]
    public async Task An_unknown_or_missing_target_is_UnknownOperationException()
    {
        await using var api = new ApiCaller();
        var unknown = await api.CallRawAsync("AWSStepFunctions.DeleteEverything", "{}");
        Assert.Equal((400, "com.amazon.coral.service#UnknownOperationException"), (unknown.Status, unknown.Body.GetProperty("__type").GetString()));
        Assert.Equal("UnknownOperationException", (await api.CallRawAsync(null, "{}")).ErrorCode);
        Assert.Equal("UnknownOperationException", (await api.CallRawAsync("Other.ListStateMachines", "{}")).ErrorCode);
    }

    [Fact]
    public async Task A_body_that_is_not_a_JSON_object_or_has_a_member_of_the_wrong_type_is_SerializationException()
    {
        await using var api = new ApiCaller();
        Assert.Equal("SerializationException", (await api.CallRawAsync("AWSStepFunctions.ListStateMachines", "{nope")).ErrorCode);
        Assert.Equal("SerializationException", (await api.CallRawAsync("AWSStepFunctions.ListStateMachines", "[]")).ErrorCode);
        var wrongType = await api.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = 12 });
        Assert.Equal("SerializationException", wrongType.ErrorCode);
    }

    [Fact]
    public async Task A_body_with_bytes_that_are_not_UTF8_inside_a_string_is_SerializationException()
    {
        await using var api = new ApiCaller();
        byte[] body = [.. "{\"stateMachineArn\":\"arn:"u8, 0xC3, 0x28, .. "\"}"u8];

        var reply = await api.Api.HandleAsync("AWSStepFunctions.DescribeStateMachine", body, TestRuntime.Timeout);

        Assert.Equal((400, "SerializationException"), (reply.StatusCode, reply.ErrorCode));
    }

    [Fact]
    public async Task An_empty_body_reads_as_an_empty_request()
    {
        await using var api = new ApiCaller();
        var listed = await api.CallRawAsync("AWSStepFunctions.ListStateMachines", "");
        Assert.Equal(200, listed.Status);
        Assert.Empty(listed.Body.GetProperty("stateMachines").EnumerateArray());
    }

    [Fact]
    public async Task A_missing_required_member_or_a_value_out_of_range_is_ValidationException_in_AWS_wording()
    {
        await using var api = new ApiCaller();
        var missing = await api.CallAsync("StartExecution", []);
        Assert.Equal("com.amazon.coral.validate#ValidationException", missing.Body.GetProperty("__type").GetString());
        Assert.Equal(
            "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null",
            missing.Message);
        var tooMany = await api.CallAsync("ListStateMachines", new JsonObject { ["maxResults"] = 5000 });
        Assert.Equal("ValidationException", tooMany.ErrorCode);
        Assert.Contains("maxResults", tooMany.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeExecution", "executionArn", "arn:aws:states:us-east-1:123456789012:stateMachine:M")]
    [InlineData("DescribeExecution", "executionArn", "not-an-arn")]
    [InlineData("StartExecution", "stateMachineArn", "arn:aws:states:us-east-1:123456789012:execution:M:e")]
    [InlineData("ListExecutions", "stateMachineArn", "arn:aws:lambda:us-east-1:123456789012:function:F")]
    public async Task An_arn_of_the_wrong_kind_is_InvalidArn(string operation, string member, string arn)
    {
        await using var api = new ApiCaller();
        var reply = await api.CallAsync(operation, new JsonObject { [member] = arn });
        Assert.Equal(("InvalidArn", 400), (reply.ErrorCode, reply.Status));
        Assert.StartsWith("Invalid Arn: ", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_operation_of_the_brief_is_served()
    {
        Assert.Equal(
            ["CreateStateMachine", "DescribeExecution", "DescribeStateMachine", "GetExecutionHistory", "ListExecutions", "ListStateMachines",
             "RedriveExecution", "StartExecution", "StartSyncExecution", "StopExecution", "TestState", "UpdateStateMachine",
             "ValidateStateMachineDefinition"],
            StepFunctionsApi.Operations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Error_replies_carry_the_code_for_transports_and_the_message_for_people()
    {
        var reply = StepFunctionsApi.Error(StepFunctionsFault.AccessDenied, "No.");
        Assert.Equal((400, "AccessDeniedException", true), (reply.StatusCode, reply.ErrorCode, reply.IsError));
        Assert.Equal("""{"__type":"com.amazon.coral.service#AccessDeniedException","message":"No."}""", System.Text.Encoding.UTF8.GetString(reply.Body.Span));
    }
}
