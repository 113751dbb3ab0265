namespace StepOrders.Workflow.Paths;

/// <summary>What a path starts from: <c>$</c> the state's input, <c>$$</c> the context object, <c>$name</c> a variable.</summary>
public enum PathRoot
{
    Input,
    Context,
    Variable,
}
