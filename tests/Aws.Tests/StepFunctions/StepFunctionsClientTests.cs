using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using StepOrders.Aws.StepFunctions;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.StepFunctions;

/// <summary>
/// The client against a stub speaking the Step Functions API as its reference documents it: requests in the
/// documented Request Syntax, responses in the documented Response Syntax (epoch-second timestamps), errors as
/// <c>__type</c> + <c>message</c>.
/// </summary>
public sealed class StepFunctionsClientTests : IAsyncLifetime
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string StateMachine = "arn:aws:states:eu-west-1:123456789012:stateMachine:OrderWorkflow";
    private const string Execution = "arn:aws:states:eu-west-1:123456789012:execution:OrderWorkflow:ord_01JQ0000000000000000000001";

    private readonly AwsJsonStub stub = new();
    private StepFunctionsClient client = null!;

    public Task InitializeAsync()
    {
        client = StepFunctionsClient.Create(stub.Endpoint, new BasicAWSCredentials(AccessKey, SecretKey), RegionEndpoint.EUWest1);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task StartExecution_posts_the_documented_request_and_reads_the_arn_and_start_date()
    {
        stub.Answer("StartExecution", $$"""{"executionArn":"{{Execution}}","startDate":1741771800.123}""");

        var response = await client.StartExecutionAsync(
            new StartExecutionRequest(StateMachine, "ord_01JQ0000000000000000000001", """{"orderId":"ord_01JQ0000000000000000000001"}"""),
            CancellationToken.None);

        Assert.Equal(Execution, response.ExecutionArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1741771800123), response.StartDate);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("AWSStepFunctions.StartExecution", request.Headers["x-amz-target"]);
        Assert.StartsWith("application/x-amz-json-1.0", request.Headers["content-type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(StateMachine, body.RootElement.GetProperty("stateMachineArn").GetString());
        Assert.Equal("ord_01JQ0000000000000000000001", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("""{"orderId":"ord_01JQ0000000000000000000001"}""", body.RootElement.GetProperty("input").GetString());
        Assert.False(body.RootElement.TryGetProperty("traceHeader", out _));
    }

    [Fact]
    public async Task Requests_carry_a_SigV4_signature_for_the_states_service_that_the_server_can_verify()
    {
        stub.Answer("DescribeExecution", DescribeAnswer("RUNNING"));

        await client.DescribeExecutionAsync(new DescribeExecutionRequest(Execution), CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        var authorization = request.Headers["authorization"];
        var amzDate = request.Headers["x-amz-date"];
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/{amzDate[..8]}/eu-west-1/states/aws4_request, ", authorization, StringComparison.Ordinal);
        var signedHeaders = Part(authorization, "SignedHeaders=").Split(';');
        Assert.Contains("host", signedHeaders);
        Assert.Contains("x-amz-target", signedHeaders);
        var payloadHash = request.Headers.GetValueOrDefault("x-amz-content-sha256") ?? SigV4Verifier.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)));
        Assert.Equal(SigV4Verifier.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))), payloadHash);
        var expected = SigV4Verifier.Signature(
            request.Method, request.Path, request.Query, request.Headers, signedHeaders, payloadHash, amzDate, "eu-west-1", "states", SecretKey);
        Assert.Equal(expected, Part(authorization, "Signature="));
    }

    [Fact]
    public async Task Temporary_credentials_send_their_session_token_inside_the_signature()
    {
        stub.Answer("DescribeExecution", DescribeAnswer("RUNNING"));
        var lambdaRole = StepFunctionsClient.Create(stub.Endpoint, new SessionAWSCredentials(AccessKey, SecretKey, "session-token-1"), RegionEndpoint.EUWest1);

        await lambdaRole.DescribeExecutionAsync(new DescribeExecutionRequest(Execution), CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("session-token-1", request.Headers["x-amz-security-token"]);
        Assert.Contains("x-amz-security-token", Part(request.Headers["authorization"], "SignedHeaders=").Split(';'));
    }

    [Fact]
    public async Task The_workflow_starts_one_execution_named_by_the_order_id_with_the_order_as_input()
    {
        stub.Answer("StartExecution", $$"""{"executionArn":"{{Execution}}","startDate":1741771800}""");
        var workflow = new StepFunctionsOrderWorkflow(client, StateMachine);

        var start = await workflow.StartAsync("ord_01JQ0000000000000000000001", new OrderWorkflowInput("ord_01JQ0000000000000000000001", "00-abc-def-01"), CancellationToken.None);

        Assert.Equal(WorkflowStart.Started, start);
        using var body = JsonDocument.Parse(Assert.Single(stub.Requests).Body);
        using var input = JsonDocument.Parse(body.RootElement.GetProperty("input").GetString()!);
        Assert.Equal("ord_01JQ0000000000000000000001", input.RootElement.GetProperty("orderId").GetString());
        Assert.Equal("00-abc-def-01", input.RootElement.GetProperty("traceParent").GetString());
    }

    [Theory]
    [InlineData("ExecutionAlreadyExists")]
    [InlineData("com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists")]
    public async Task A_start_refused_with_ExecutionAlreadyExists_is_reported_as_already_started(string type)
    {
        stub.Answer("StartExecution", $$"""{"__type":"{{type}}","message":"Execution Already Exists: '{{Execution}}'"}""", 400);
        var workflow = new StepFunctionsOrderWorkflow(client, StateMachine);

        var start = await workflow.StartAsync("ord_01JQ0000000000000000000001", new OrderWorkflowInput("ord_01JQ0000000000000000000001"), CancellationToken.None);

        Assert.Equal(WorkflowStart.AlreadyStarted, start);
    }

    [Fact]
    public async Task The_workflow_describes_an_execution_by_its_arn_under_the_state_machine()
    {
        stub.Answer("DescribeExecution", DescribeAnswer("FAILED"));
        var workflow = new StepFunctionsOrderWorkflow(client, StateMachine);

        var summary = await workflow.DescribeAsync("ord_01JQ0000000000000000000001", CancellationToken.None);

        Assert.Equal(new ExecutionSummary("ord_01JQ0000000000000000000001", "FAILED", Execution), summary);
        using var body = JsonDocument.Parse(Assert.Single(stub.Requests).Body);
        Assert.Equal(Execution, body.RootElement.GetProperty("executionArn").GetString());
    }

    [Fact]
    public async Task Describing_an_execution_that_does_not_exist_gives_null()
    {
        stub.Answer("DescribeExecution", """{"__type":"com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist","message":"Execution Does Not Exist"}""", 400);
        var workflow = new StepFunctionsOrderWorkflow(client, StateMachine);

        Assert.Null(await workflow.DescribeAsync("ord_01JQ0000000000000000000001", CancellationToken.None));
    }

    [Fact]
    public async Task DescribeExecution_reads_the_failure_and_redrive_fields()
    {
        stub.Answer("DescribeExecution", DescribeAnswer("FAILED"));

        var execution = await client.DescribeExecutionAsync(new DescribeExecutionRequest(Execution), CancellationToken.None);

        Assert.Equal("Order.OutOfStock", execution.Error);
        Assert.Equal("SKU-OUT: 1 requested, 0 available.", execution.Cause);
        Assert.Equal("REDRIVABLE", execution.RedriveStatus);
        Assert.Equal(0, execution.RedriveCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1741771805500), execution.StopDate);
    }

    [Fact]
    public async Task GetExecutionHistory_reads_events_in_order_with_their_details()
    {
        stub.Answer("GetExecutionHistory", """
            {"events":[
              {"timestamp":1741771800.0,"type":"ExecutionStarted","id":1,"previousEventId":0,
               "executionStartedEventDetails":{"input":"{}","roleArn":"arn:aws:iam::123456789012:role/OrderWorkflow"}},
              {"timestamp":1741771800.25,"type":"TaskStateEntered","id":2,"previousEventId":1,
               "stateEnteredEventDetails":{"name":"ValidateOrder","input":"{}"}}
            ],"nextToken":"page-2"}
            """);

        var history = await client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest(Execution, MaxResults: 2, ReverseOrder: false), CancellationToken.None);

        Assert.Equal(["ExecutionStarted", "TaskStateEntered"], history.Events.Select(e => e.Type));
        Assert.Equal([1L, 2L], history.Events.Select(e => e.Id));
        Assert.Equal(1, history.Events[1].PreviousEventId);
        Assert.Equal("ValidateOrder", history.Events[1].Details!["stateEnteredEventDetails"].GetProperty("name").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1741771800250), history.Events[1].Timestamp);
        Assert.Equal("page-2", history.NextToken);
        using var body = JsonDocument.Parse(Assert.Single(stub.Requests).Body);
        Assert.Equal(2, body.RootElement.GetProperty("maxResults").GetInt32());
        Assert.False(body.RootElement.GetProperty("reverseOrder").GetBoolean());
    }

    [Fact]
    public async Task ListExecutions_sends_the_filter_and_page_token_and_reads_the_page()
    {
        stub.Answer("ListExecutions", $$"""
            {"executions":[{"executionArn":"{{Execution}}","stateMachineArn":"{{StateMachine}}","name":"ord_01JQ0000000000000000000001",
              "status":"FAILED","startDate":1741771800,"stopDate":1741771805.5,"redriveCount":1,"redriveDate":1741771900}]}
            """);

        var page = await client.ListExecutionsAsync(new ListExecutionsRequest(StateMachine, StatusFilter: "FAILED", MaxResults: 50, NextToken: "page-1"), CancellationToken.None);

        var execution = Assert.Single(page.Executions);
        Assert.Equal("FAILED", execution.Status);
        Assert.Equal(1, execution.RedriveCount);
        Assert.Null(page.NextToken);
        using var body = JsonDocument.Parse(Assert.Single(stub.Requests).Body);
        Assert.Equal("FAILED", body.RootElement.GetProperty("statusFilter").GetString());
        Assert.Equal("page-1", body.RootElement.GetProperty("nextToken").GetString());
    }

    [Fact]
    public async Task The_workflow_redrives_an_execution_by_its_arn()
    {
        stub.Answer("RedriveExecution", """{"redriveDate":1741771900.5}""");
        var workflow = new StepFunctionsOrderWorkflow(client, StateMachine);

        await workflow.RedriveAsync("ord_01JQ0000000000000000000001", CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("AWSStepFunctions.RedriveExecution", request.Headers["x-amz-target"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(Execution, body.RootElement.GetProperty("executionArn").GetString());
    }

    [Fact]
    public async Task A_refused_redrive_surfaces_as_not_redrivable_with_the_error_name_and_status()
    {
        stub.Answer("RedriveExecution", """{"__type":"com.amazonaws.swf.service.v2.model#ExecutionNotRedrivable","message":"Execution is SUCCEEDED"}""", 400);
        var workflow = new StepFunctionsOrderWorkflow(client, StateMachine);

        var refused = await Assert.ThrowsAsync<ExecutionNotRedrivableException>(() => workflow.RedriveAsync("ord_01JQ0000000000000000000001", CancellationToken.None));

        var error = Assert.IsType<StepFunctionsException>(refused.InnerException);
        Assert.Equal("ExecutionNotRedrivable", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Execution is SUCCEEDED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_without_a_json_body_is_an_internal_failure()
    {
        stub.Answer("DescribeExecution", "<html>oops</html>", 500);

        var error = await Assert.ThrowsAsync<StepFunctionsException>(() =>
            client.DescribeExecutionAsync(new DescribeExecutionRequest(Execution), CancellationToken.None));

        Assert.Equal("InternalFailure", error.ErrorCode);
    }

    private static string DescribeAnswer(string status) => $$"""
        {"executionArn":"{{Execution}}","stateMachineArn":"{{StateMachine}}","name":"ord_01JQ0000000000000000000001",
         "status":"{{status}}","startDate":1741771800,"stopDate":1741771805.5,"input":"{}","inputDetails":{"included":true},
         "error":"Order.OutOfStock","cause":"SKU-OUT: 1 requested, 0 available.","redriveCount":0,"redriveStatus":"REDRIVABLE"}
        """;

    private static string Part(string authorization, string name)
    {
        var start = authorization.IndexOf(name, StringComparison.Ordinal) + name.Length;
        var end = authorization.IndexOf(',', start);
        return end < 0 ? authorization[start..] : authorization[start..end];
    }
}
