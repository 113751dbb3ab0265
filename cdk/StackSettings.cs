using Constructs;
using StepOrders.Api;
using StepOrders.Steps;

namespace StepOrders.Cdk;

/// <summary>Everything the stack is built from: the stage, the function code, the workflow definition and the declared functions.</summary>
internal sealed record StackSettings(Stage Stage, string LambdaCode, string WorkflowDefinition, IReadOnlyList<DeclaredFunction> Functions)
{
    /// <summary>The assemblies whose <c>[Function]</c> classes become Lambda functions.</summary>
    public static IReadOnlyList<DeclaredFunction> DeclaredFunctions() =>
        DeclaredFunction.In(typeof(StartOrderWorkflow).Assembly, typeof(StepOrdersApi).Assembly);

    /// <summary>
    /// Reads the context (<c>-c stage=prod</c>, <c>-c lambdaCode=DIR</c>): the stage (default dev) and the folder of
    /// the published bootstrap (default <c>artifacts/lambda</c> of the repository).
    /// </summary>
    public static StackSettings FromContext(Node node)
    {
        var stage = Stage.Named(node.TryGetContext("stage") as string ?? "dev");
        var code = node.TryGetContext("lambdaCode") as string
            ?? Environment.GetEnvironmentVariable("STEPORDERS_LAMBDA_CODE")
            ?? Path.Combine(RepositoryRoot(), "artifacts", "lambda");
        if (!File.Exists(Path.Combine(code, "bootstrap")))
        {
            throw new InvalidOperationException(
                $"No bootstrap in {Path.GetFullPath(code)}. Publish the Lambda host first: " +
                "dotnet publish src/Lambda -r linux-x64 -c Release -o artifacts/lambda (or pass -c lambdaCode=DIR).");
        }
        var definition = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "order-workflow.asl.json"));
        return new StackSettings(stage, Path.GetFullPath(code), definition, DeclaredFunctions());
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StepOrders.sln")))
            {
                return folder.FullName;
            }
        }
        return Environment.CurrentDirectory;
    }
}
