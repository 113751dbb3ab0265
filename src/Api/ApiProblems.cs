using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StepOrders.Orders;

namespace StepOrders.Api;

/// <summary>The API's RFC 9457 problem details; the type and title follow from the status.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Invalid(IEnumerable<FieldError> errors, string detail = "The request has invalid fields; each is listed under errors.") =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors
            .GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = detail,
        });

    public static ProblemHttpResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    public static ProblemHttpResult Unprocessable(string detail) => Problem(StatusCodes.Status422UnprocessableEntity, detail);

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, $"The request body is over {maxBytes / 1024} KiB.");

    public static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail);
}
