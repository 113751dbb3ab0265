using System.Text.Json.Nodes;
using StepOrders.Workflow.Tasks;
using StepOrders.Workflow.Tests.Definitions;

namespace StepOrders.Workflow.Tests.Execution;

/// <summary>The order pipeline's own definition on this runtime, with stub steps.</summary>
public class OrderWorkflowTests
{
    private static readonly string[] Steps = ["ValidateOrder", "CheckInventory", "ProcessPayment", "PrepareFulfillment", "CompleteOrder", "MarkOrderFailed", "AwaitRedrive"];

    private static async Task<(ExecutionDescription Run, List<string> Calls)> RunOrder(Func<string, int, JsonNode?> step)
    {
        var calls = new List<string>();
        var handlers = new TaskHandlerRegistry();
        foreach (var name in Steps)
        {
            handlers.Register(TestRuntime.Lambda + name, (input, context, _) =>
            {
                calls.Add(name);
                return name == "AwaitRedrive"
                    ? throw new TaskFailedException(input!["failure"]!["Error"]!.GetValue<string>(), input["failure"]!["Cause"]!.GetValue<string>())
                    : ValueTask.FromResult(step(name, context.RetryCount));
            });
        }

        await using var test = new TestRuntime(handlers);
        var machine = await test.Runtime.CreateStateMachineAsync("OrderWorkflow", File.ReadAllText(DefinitionParserTests.OrderWorkflowPath),
            Steps.ToDictionary(s => s + "FunctionArn", s => TestRuntime.Lambda + s));
        var started = await test.Runtime.StartExecutionAsync(machine.StateMachineArn, "order-1", """{"orderId": "order-1"}""");
        return (await test.Runtime.WaitForCompletionAsync(started.ExecutionArn, TestRuntime.Timeout), calls);
    }

    [Fact]
    public async Task An_order_goes_through_every_step_and_completes()
    {
        var (run, calls) = await RunOrder((name, _) => new JsonObject { ["step"] = name });
        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(Steps[..5], calls);
        Assert.Equal("CompleteOrder", JsonNode.Parse(run.Output!)!["completion"]!["step"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_the_order_completes()
    {
        var (run, calls) = await RunOrder((name, attempt) =>
            name == "ProcessPayment" && attempt < 2 ? throw new TaskFailedException("Order.Transient", "flaky") : "ok");
        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(3, calls.Count(c => c == "ProcessPayment"));
    }

    [Fact]
    public async Task A_business_failure_is_caught_marks_the_order_failed_and_fails_the_execution_with_its_error()
    {
        var (run, calls) = await RunOrder((name, _) =>
            name == "CheckInventory" ? throw new TaskFailedException("Order.OutOfStock", "SKU-OUT") : "ok");
        Assert.Equal((ExecutionStatus.Failed, "Order.OutOfStock", "SKU-OUT"), (run.Status, run.Error, run.Cause));
        Assert.Equal(["ValidateOrder", "CheckInventory", "MarkOrderFailed", "AwaitRedrive"], calls);
    }
}
