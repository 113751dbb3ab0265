using System.Text.Json.Nodes;
using StepOrders.Workflow.Tasks;

namespace StepOrders.InterpreterBench;

/// <summary>
/// The benchmark's workload: <c>six-tasks.asl.json</c> (six Tasks with Retry and Catch, as the order workflow has)
/// and one handler per Task doing what the peer's handlers do: answer a small object naming the step and the order.
/// </summary>
internal static class SixTaskMachine
{
    public const string DefinitionFile = "six-tasks.asl.json";
    public const int TransitionsPerExecution = 6;

    private const string FunctionPrefix = "arn:aws:lambda:us-east-1:123456789012:function:";

    public static readonly string[] Steps = ["Validate", "Reserve", "Charge", "Pack", "Ship", "Complete"];

    public static string DefinitionPath => Path.Combine(AppContext.BaseDirectory, DefinitionFile);

    public static string Definition => File.ReadAllText(DefinitionPath);

    public static string Input(int index) => $$"""{"orderId": "order-{{index}}"}""";

    public static TaskHandler Handler(string step) =>
        (input, _, _) => ValueTask.FromResult<JsonNode?>(new JsonObject { ["ok"] = true, ["step"] = step, ["order"] = input?["orderId"]?.DeepClone() });

    public static TaskHandlerRegistry Handlers()
    {
        var registry = new TaskHandlerRegistry();
        foreach (var step in Steps)
        {
            registry.Register(FunctionPrefix + step, Handler(step));
        }

        return registry;
    }
}
