using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Api;

/// <summary>What the operations work with.</summary>
internal sealed record ApiServices(WorkflowRuntime Runtime, TaskHandlerRegistry Handlers, WorkflowOptions Options, TimeProvider Time)
{
    /// <summary>Roles are not assumed locally; this stands where AWS answers with the machine's role.</summary>
    public string RoleArn => $"arn:aws:iam::{Options.AccountId}:role/StepOrdersLocal";

    public string StateMachineArn(string name) => new Arns(Options.Region, Options.AccountId).StateMachine(name);
}
