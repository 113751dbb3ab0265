using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Tasks;

/// <summary>
/// How a Task's Resource is called and recorded: a Lambda function ARN (LambdaFunction… events, raw
/// result), <c>arn:aws:states:::lambda:invoke</c> (Task… events, result wrapped as the Lambda Invoke
/// response), or any other ARN registered by the host (Task… events, raw result).
/// </summary>
internal sealed record TaskResource(string Resource, bool IsLambdaFunction, bool IsLambdaInvoke, string ResourceType, string ResourceName)
{
    public static TaskResource Of(string resource)
    {
        if (LambdaArn.IsFunction(resource))
        {
            return new(resource, true, false, "lambda", resource);
        }

        // arn:aws:states:::SERVICE:ACTION[.pattern] → resourceType SERVICE, resource ACTION[.pattern]
        var parts = resource.Split(':');
        var isIntegration = parts.Length >= 7 && parts[2] == "states" && parts[3].Length == 0;
        return isIntegration
            ? new(resource, false, LambdaArn.IsInvokeIntegration(resource), parts[5], string.Join(':', parts[6..]))
            : new(resource, false, false, "custom", resource);
    }

    /// <summary>Which handler to call and with what payload: lambda:invoke reads Parameters.FunctionName and Payload.</summary>
    public (string HandlerKey, JsonNode? Payload) Target(JsonNode? effectiveInput, JsonNode? stateInput)
    {
        if (!IsLambdaInvoke)
        {
            return (Resource, effectiveInput);
        }

        var parameters = effectiveInput as JsonObject;
        var function = parameters?["FunctionName"]?.GetValue<string>() ?? "";
        return parameters is not null && parameters.TryGetPropertyValue("Payload", out var payload)
            ? (function, payload?.DeepClone())
            : (function, stateInput?.DeepClone());
    }

    /// <summary>The Lambda Invoke response shape that lambda:invoke returns, with the function's result as Payload.</summary>
    public static JsonObject WrapInvokeResponse(JsonNode? result, string executionArn, long eventId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{executionArn}#{eventId}"));
        var requestId = new Guid(hash.AsSpan(0, 16)).ToString();
        return new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = result,
            ["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject
                {
                    ["X-Amz-Executed-Version"] = new JsonArray("$LATEST"),
                    ["x-amzn-RequestId"] = new JsonArray(requestId),
                    ["Content-Type"] = new JsonArray("application/json"),
                },
                ["HttpHeaders"] = new JsonObject
                {
                    ["X-Amz-Executed-Version"] = "$LATEST",
                    ["x-amzn-RequestId"] = requestId,
                    ["Content-Type"] = "application/json",
                },
                ["HttpStatusCode"] = 200,
            },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId },
            ["StatusCode"] = 200,
        };
    }
}
