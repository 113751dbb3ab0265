using Amazon.CDK;
using Constructs;
using StepOrders.Orders;

namespace StepOrders.Cdk;

/// <summary>
/// StepOrders on AWS: API Gateway → Lambda → DynamoDB + SQS → the starter Lambda → one Step Functions Standard
/// execution per order → one Lambda per status; alarms and a dashboard in CloudWatch.
/// </summary>
internal sealed class OrderStack : Amazon.CDK.Stack
{
    public OrderStack(Construct scope, string id, StackSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        var stage = settings.Stage;
        var consumerTimeout = settings.Functions.Where(function => function.Trigger == FunctionTrigger.Queue)
            .Select(function => function.Declaration.TimeoutSeconds).DefaultIfEmpty(30).Max();

        var tables = new OrderTables(this, "Tables", stage);
        var queues = new OrderQueues(this, "Queues", stage, consumerTimeout);
        var functions = new OrderFunctions(this, "Functions", settings, tables, queues);
        var workflow = new OrderWorkflow(this, "Workflow", stage, settings.WorkflowDefinition, functions.Triggered(FunctionTrigger.Workflow));
        functions.GrantWorkflow(workflow);
        var api = new OrderApi(this, "Api", stage, functions.Triggered(FunctionTrigger.Api));
        var alarms = new OrderAlarms(this, "Alarms", stage, functions, queues, workflow, api);
        _ = new OrderDashboard(this, "Dashboard", stage, functions, queues, workflow, api, alarms);

        _ = new CfnOutput(this, "ApiUrl", new CfnOutputProps { Value = api.RestApi.Url, Description = "The REST API's base URL." });
        _ = new CfnOutput(this, "UsagePlanId", new CfnOutputProps { Value = api.UsagePlan.UsagePlanId, Description = "Add API keys to this usage plan." });
        _ = new CfnOutput(this, "StateMachineArn", new CfnOutputProps { Value = workflow.StateMachine.StateMachineArn });
        _ = new CfnOutput(this, "DeadLetterQueueUrl", new CfnOutputProps { Value = queues.DeadLetters.QueueUrl });
        _ = new CfnOutput(this, "AlarmTopicArn", new CfnOutputProps { Value = alarms.Topic.TopicArn, Description = "Subscribe to get the alarms." });
    }
}
