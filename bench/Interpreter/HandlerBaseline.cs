using System.Diagnostics;
using System.Text.Json.Nodes;

namespace StepOrders.InterpreterBench;

/// <summary>
/// The floor: per execution, parse the input and call the six handlers one after the other, putting each result
/// where its ResultPath would — the work an interpreter cannot avoid, without any interpreting.
/// </summary>
internal static class HandlerBaseline
{
    public static async Task<Measurement> RunAsync(int executions)
    {
        var handlers = SixTaskMachine.Steps.Select(SixTaskMachine.Handler).ToArray();
        await LoopAsync(handlers, Math.Min(2000, executions));
        var clock = Stopwatch.StartNew();
        await LoopAsync(handlers, executions);
        clock.Stop();
        return new Measurement("baseline: 6 handler calls", executions, (long)executions * SixTaskMachine.TransitionsPerExecution, clock.Elapsed);
    }

    private static async Task LoopAsync(Workflow.Tasks.TaskHandler[] handlers, int executions)
    {
        var context = new Workflow.Tasks.TaskContext("arn", "name", "machine", "state", "resource", 0);
        for (var i = 0; i < executions; i++)
        {
            var input = JsonNode.Parse(SixTaskMachine.Input(i))!.AsObject();
            for (var h = 0; h < handlers.Length; h++)
            {
                input[SixTaskMachine.Steps[h]] = await handlers[h](input, context, CancellationToken.None);
            }

            _ = input.ToJsonString();
        }
    }
}
