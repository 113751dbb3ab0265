namespace StepOrders.Workflow.Tests.Api;

/// <summary>
/// Each history event type's details member and its fields, as the Step Functions API reference defines HistoryEvent
/// (required fields marked with <c>*</c>). A type missing here carries no details object.
/// </summary>
internal static class HistoryEventShapes
{
    private static readonly string[] StateEntered = ["stateEnteredEventDetails", "name*", "input", "inputDetails"];
    private static readonly string[] StateExited = ["stateExitedEventDetails", "name*", "output", "outputDetails", "assignedVariables", "assignedVariablesDetails"];
    private static readonly string[] MapIteration = ["name", "index"];

    public static readonly IReadOnlyDictionary<string, string[]> ByType = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ExecutionStarted"] = ["executionStartedEventDetails", "input", "inputDetails", "roleArn", "stateMachineAliasArn", "stateMachineVersionArn"],
        ["ExecutionSucceeded"] = ["executionSucceededEventDetails", "output", "outputDetails"],
        ["ExecutionFailed"] = ["executionFailedEventDetails", "error", "cause"],
        ["ExecutionAborted"] = ["executionAbortedEventDetails", "error", "cause"],
        ["ExecutionTimedOut"] = ["executionTimedOutEventDetails", "error", "cause"],
        ["ExecutionRedriven"] = ["executionRedrivenEventDetails", "redriveCount"],
        ["TaskStateEntered"] = StateEntered,
        ["TaskStateExited"] = StateExited,
        ["PassStateEntered"] = StateEntered,
        ["PassStateExited"] = StateExited,
        ["ChoiceStateEntered"] = StateEntered,
        ["ChoiceStateExited"] = StateExited,
        ["WaitStateEntered"] = StateEntered,
        ["WaitStateExited"] = StateExited,
        ["SucceedStateEntered"] = StateEntered,
        ["SucceedStateExited"] = StateExited,
        ["FailStateEntered"] = StateEntered,
        ["ParallelStateEntered"] = StateEntered,
        ["ParallelStateExited"] = StateExited,
        ["MapStateEntered"] = StateEntered,
        ["MapStateExited"] = StateExited,
        ["MapStateStarted"] = ["mapStateStartedEventDetails", "length"],
        ["MapIterationStarted"] = ["mapIterationStartedEventDetails", .. MapIteration],
        ["MapIterationSucceeded"] = ["mapIterationSucceededEventDetails", .. MapIteration],
        ["MapIterationFailed"] = ["mapIterationFailedEventDetails", .. MapIteration],
        ["MapIterationAborted"] = ["mapIterationAbortedEventDetails", .. MapIteration],
        ["TaskScheduled"] = ["taskScheduledEventDetails", "resourceType*", "resource*", "region*", "parameters*", "timeoutInSeconds", "heartbeatInSeconds", "taskCredentials"],
        ["TaskStarted"] = ["taskStartedEventDetails", "resourceType*", "resource*"],
        ["TaskSucceeded"] = ["taskSucceededEventDetails", "resourceType*", "resource*", "output", "outputDetails"],
        ["TaskFailed"] = ["taskFailedEventDetails", "resourceType*", "resource*", "error", "cause"],
        ["TaskTimedOut"] = ["taskTimedOutEventDetails", "resourceType*", "resource*", "error", "cause"],
        ["LambdaFunctionScheduled"] = ["lambdaFunctionScheduledEventDetails", "resource*", "input", "inputDetails", "timeoutInSeconds", "taskCredentials"],
        ["LambdaFunctionSucceeded"] = ["lambdaFunctionSucceededEventDetails", "output", "outputDetails"],
        ["LambdaFunctionFailed"] = ["lambdaFunctionFailedEventDetails", "error", "cause"],
        ["LambdaFunctionTimedOut"] = ["lambdaFunctionTimedOutEventDetails", "error", "cause"],
        ["EvaluationFailed"] = ["evaluationFailedEventDetails", "error", "cause", "location", "state*"],
    };

    /// <summary>Types AWS defines without details.</summary>
    public static readonly IReadOnlySet<string> WithoutDetails = new HashSet<string>(StringComparer.Ordinal)
    {
        "LambdaFunctionStarted", "ParallelStateStarted", "ParallelStateSucceeded", "ParallelStateFailed", "ParallelStateAborted",
        "MapStateSucceeded", "MapStateFailed", "MapStateAborted", "TaskStateAborted", "WaitStateAborted",
    };
}
