namespace StepOrders.Workflow.States;

public enum StateType
{
    Task,
    Pass,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}
