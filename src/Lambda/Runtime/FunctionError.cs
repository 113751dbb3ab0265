using System.Text.Json.Serialization;

namespace StepOrders.Lambda.Runtime;

/// <summary>
/// The error document posted to <c>/runtime/invocation/{id}/error</c> and <c>/runtime/init/error</c>. Step Functions
/// takes <see cref="ErrorType"/> as the error name its Retry and Catch match, and the whole document, as a JSON
/// string, as the cause.
/// </summary>
internal sealed record FunctionError(
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string>? StackTrace = null)
{
    /// <summary>An exception no function turned into a named error: a bug, reported with its stack.</summary>
    public static FunctionError Unhandled(Exception exception) => new(
        exception.GetType().Name,
        exception.Message,
        exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
}
