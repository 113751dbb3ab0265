using System.Text.Json.Nodes;

namespace StepOrders.Local.Workflow;

/// <summary>
/// Makes a failed order's execution redrivable into a completed one. The shared definition ends a caught failure in
/// the Fail state <c>OrderFailed</c>; RedriveExecution resumes at the state that failed, so a redrive would only fail
/// there again. This replaces that Fail state with the <see cref="AwaitRedrive"/> task, which fails the same way
/// (same error and cause) until the order is reopened, then loops back to the first state. It leaves a definition
/// whose <c>OrderFailed</c> is no longer a Fail state untouched, so moving this change into
/// <c>statemachine/order-workflow.asl.json</c> itself (where AWS would get it too) makes it a no-op.
/// </summary>
internal static class RedrivableFailure
{
    public const string FailStateName = "OrderFailed";

    public static string Apply(string definition, string awaitRedriveArnPlaceholder)
    {
        var root = JsonNode.Parse(definition)!.AsObject();
        var states = root["States"]!.AsObject();
        if (states[FailStateName] is not JsonObject fail || (string?)fail["Type"] != "Fail")
        {
            return definition;
        }
        states[FailStateName] = new JsonObject
        {
            ["Type"] = "Task",
            ["Comment"] = "Fails the execution with the order's error while the order is FAILED; RedriveExecution resumes here, and once an admin has reopened the order (PENDING) it goes round again.",
            ["Resource"] = awaitRedriveArnPlaceholder,
            ["Parameters"] = new JsonObject
            {
                ["orderId.$"] = "$.orderId",
                ["error.$"] = (string?)fail["ErrorPath"] ?? "$.failure.Error",
                ["cause.$"] = (string?)fail["CausePath"] ?? "$.failure.Cause",
            },
            ["ResultPath"] = "$",
            ["TimeoutSeconds"] = 10,
            ["Next"] = (string)root["StartAt"]!,
        };
        return root.ToJsonString();
    }
}
