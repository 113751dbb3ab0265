using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests;

public class WorkflowServiceCollectionTests
{
    [Fact]
    public async Task The_registered_runtime_runs_the_handlers_the_host_adds_to_the_registry()
    {
        var services = new ServiceCollection();
        services.AddStepOrdersWorkflow(options => options.TimeScale = 0);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TaskHandlerRegistry>().Register(TestRuntime.Lambda + "f", TestRuntime.Returns("7"));
        var hosted = provider.GetServices<IHostedService>().Single();
        await hosted.StartAsync(TestRuntime.Timeout);

        var runtime = provider.GetRequiredService<WorkflowRuntime>();
        var machine = await runtime.CreateStateMachineAsync("M", TestRuntime.Fill("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "@0@f", "End": true}}}
            """, TestRuntime.Lambda));
        var started = await runtime.StartExecutionAsync(machine.StateMachineArn);
        var run = await runtime.WaitForCompletionAsync(started.ExecutionArn, TestRuntime.Timeout);

        Assert.Equal(7, JsonNode.Parse(run.Output!)!.GetValue<int>());
        await hosted.StopAsync(TestRuntime.Timeout);
    }
}
