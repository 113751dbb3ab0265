namespace StepOrders.Workflow.States;

public enum QueryLanguage
{
    JsonPath,
    Jsonata,
}
