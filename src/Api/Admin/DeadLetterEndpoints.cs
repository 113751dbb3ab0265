using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StepOrders.Orders.Ports;

namespace StepOrders.Api.Admin;

/// <summary><c>GET /admin/dead-letters</c> lists the messages the workflow starter gave up on; <c>POST /admin/dead-letters/redrive</c> sends them back.</summary>
public static class DeadLetterEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static async Task<Results<Ok<DeadLettersResponse>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? limit, IOrderQueue queue, CancellationToken cancellationToken)
    {
        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            return ApiProblems.Invalid("limit", $"must be a whole number from 1 to {MaxLimit}.");
        }
        return TypedResults.Ok(new DeadLettersResponse(await queue.ListDeadLettersAsync(count, cancellationToken)));
    }

    /// <summary>Redrives the listed messages, or every dead letter when the body is empty or names none.</summary>
    public static async Task<Results<Ok<DeadLetterRedriveResponse>, ProblemHttpResult>> RedriveAsync(
        HttpRequest request, IOrderQueue queue, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, ApiJson.Default.DeadLetterRedriveRequest, optional: true);
        if (body.Problem is { } problem)
        {
            return problem;
        }
        string[]? ids = null;
        if (body.Value?.MessageIds is { Count: > 0 } named)
        {
            if (named.Any(string.IsNullOrEmpty))
            {
                return ApiProblems.Invalid("messageIds", "must hold message ids from GET /admin/dead-letters.");
            }
            ids = [.. named!];
        }
        var moved = await queue.RedriveDeadLettersAsync(ids, cancellationToken);
        return TypedResults.Ok(new DeadLetterRedriveResponse(moved));
    }
}
