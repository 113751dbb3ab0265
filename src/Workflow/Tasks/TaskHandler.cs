using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Tasks;

/// <summary>
/// Runs a Task state's work. <paramref name="input"/> is the effective input (the Lambda payload); the
/// return value is the task's result. Throw <see cref="TaskFailedException"/> to fail with a named error;
/// any other exception fails the task as a Lambda function that throws does. Handlers may run more than
/// once for one state (retries, resume after a crash): make them idempotent, e.g. by
/// <see cref="TaskContext.ExecutionArn"/> and <see cref="TaskContext.StateName"/>.
/// </summary>
public delegate ValueTask<JsonNode?> TaskHandler(JsonNode? input, TaskContext context, CancellationToken cancellationToken);
