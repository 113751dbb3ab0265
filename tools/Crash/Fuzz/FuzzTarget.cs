using System.Text.Json.Nodes;

namespace StepOrders.Crash.Fuzz;

/// <summary>An endpoint the fuzz run sends broken requests to, with a valid request to break; <see cref="AmzTarget"/> for the Step Functions API.</summary>
internal sealed record FuzzTarget(string Name, string Path, JsonNode Valid, string? AmzTarget = null)
{
    private const string Machine = "arn:aws:states:us-east-1:123456789012:stateMachine:StepOrders-OrderWorkflow";
    private const string Execution = "arn:aws:states:us-east-1:123456789012:execution:StepOrders-OrderWorkflow:fuzz";

    public bool IsStepFunctions => AmzTarget is not null;

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("POST /orders", "/orders", JsonNode.Parse("""
            {"customerId":"fuzz","items":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99}],"currency":"EUR",
             "shippingAddress":{"name":"Ada","line1":"1 Way","city":"London","postalCode":"N1","country":"GB"},"paymentToken":"tok_approve"}
            """)!),
        new("POST /chatbot", "/chatbot", JsonNode.Parse("""{"message":"Where is my last order?","customerId":"fuzz"}""")!),
        Sfn("StartExecution", $$"""{"stateMachineArn":"{{Machine}}","name":"fuzz","input":"{\"orderId\":\"ord_01JQ0000000000000000000001\"}"}"""),
        Sfn("DescribeExecution", $$"""{"executionArn":"{{Execution}}"}"""),
        Sfn("ListExecutions", $$"""{"stateMachineArn":"{{Machine}}","statusFilter":"FAILED","maxResults":5}"""),
        Sfn("GetExecutionHistory", $$"""{"executionArn":"{{Execution}}","maxResults":10,"reverseOrder":true}"""),
        Sfn("DescribeStateMachine", $$"""{"stateMachineArn":"{{Machine}}"}"""),
        Sfn("ValidateStateMachineDefinition", """{"definition":"{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"States.Format('{}', $.a)\"},\"End\":true}}}"}"""),
        Sfn("TestState", """{"definition":"{\"Type\":\"Pass\",\"ResultPath\":\"$.r\",\"Result\":{\"a\":[1,2]},\"End\":true}","input":"{\"b\":1}","inspectionLevel":"DEBUG"}"""),
        Sfn("CreateStateMachine", """{"name":"fuzz","definition":"{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":1,\"End\":true}}}","roleArn":"arn:aws:iam::123456789012:role/fuzz"}"""),
        Sfn("RedriveExecution", $$"""{"executionArn":"{{Execution}}"}"""),
        Sfn("NoSuchOperation", "{}"),
    ];

    private static FuzzTarget Sfn(string operation, string valid) =>
        new($"POST /sfn {operation}", "/sfn", JsonNode.Parse(valid)!, "AWSStepFunctions." + operation);
}
