namespace StepOrders.Cdk.Tests;

[Collection(SynthesizedStacksCollection.Name)]
public sealed class OrderQueuesTests(SynthesizedStacks stacks)
{
    [Fact]
    public void A_message_received_five_times_moves_to_the_dead_letter_queue()
    {
        var dlq = stacks.Dev.LogicalId(stacks.Dev.Single("AWS::SQS::Queue", q => (string?)q["Properties"]!["QueueName"] == "steporders-dev-orders-dlq"));
        var queue = stacks.Dev.Single("AWS::SQS::Queue", q => (string?)q["Properties"]!["QueueName"] == "steporders-dev-orders")["Properties"]!;

        Assert.Equal(5, (int)queue["RedrivePolicy"]!["maxReceiveCount"]!);
        Assert.Equal(dlq, (string?)queue["RedrivePolicy"]!["deadLetterTargetArn"]!["Fn::GetAtt"]![0]);
    }

    [Fact]
    public void The_visibility_timeout_is_six_times_the_starter_s_timeout()
    {
        var starter = StackSettings.DeclaredFunctions().Single(function => function.Name == "StartOrderWorkflow");

        var queue = stacks.Dev.Single("AWS::SQS::Queue", q => (string?)q["Properties"]!["QueueName"] == "steporders-dev-orders")["Properties"]!;

        Assert.Equal(6 * starter.Declaration.TimeoutSeconds, (int)queue["VisibilityTimeout"]!);
    }

    [Fact]
    public void Both_queues_are_encrypted_and_refuse_requests_without_TLS()
    {
        foreach (var queue in stacks.Dev.Resources("AWS::SQS::Queue").Values)
        {
            Assert.True((bool)queue["Properties"]!["SqsManagedSseEnabled"]!);
        }
        stacks.Dev.Template.ResourceCountIs("AWS::SQS::QueuePolicy", 2);
    }
}
