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
        var hosted = provider.GetServices<IHostedService>().OfType<WorkflowHostedService>().Single();
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

    [Fact]
    public async Task The_registration_adds_the_hourly_execution_expiry()
    {
        var services = new ServiceCollection();
        services.AddStepOrdersWorkflow(_ => { });
        await using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>().OfType<ExecutionExpiry>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_retention_shorter_than_the_redrive_window_is_refused(int days)
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            services.AddStepOrdersWorkflow(options => options.ExecutionRetention = TimeSpan.FromDays(days)));
        Assert.Equal(nameof(WorkflowOptions.ExecutionRetention), error.ParamName);
    }

    [Fact]
    public void A_retention_of_the_redrive_window_is_accepted()
    {
        var services = new ServiceCollection();

        services.AddStepOrdersWorkflow(options => options.ExecutionRetention = WorkflowRuntime.MinimumExecutionRetention);
    }
}
