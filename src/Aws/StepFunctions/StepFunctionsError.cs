namespace StepOrders.Aws.StepFunctions;

/// <summary>An error body of the Step Functions API (AWS JSON 1.0): <c>{"__type": "…#Code", "message": "…"}</c>.</summary>
internal sealed record StepFunctionsError(
    [property: System.Text.Json.Serialization.JsonPropertyName("__type")] string? Type,
    string? Message);
