using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Api.Admin;

/// <summary><c>PUT /admin/inventory/{sku}</c> <c>{available}</c>: sets how many units of a SKU can be reserved.</summary>
public static partial class StockEndpoint
{
    public static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> SetAsync(
        string sku, HttpRequest request, IInventory inventory, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, ApiJson.Default.StockRequest);
        if (body.Problem is { } problem)
        {
            return problem;
        }
        var errors = new List<FieldError>();
        if (!Sku().IsMatch(sku))
        {
            errors.Add(new FieldError("sku", "must be 1 to 64 letters, digits, '.', '_' or '-'."));
        }
        if (body.Value!.Available is not ({ } available and >= 0))
        {
            errors.Add(new FieldError("available", "is required: a whole number of units, 0 or more."));
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        await inventory.SetAvailableAsync(sku, body.Value.Available!.Value, cancellationToken);
        return TypedResults.Ok(new StockResponse(sku, body.Value.Available.Value));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Sku();
}

public sealed record StockRequest(int? Available);

public sealed record StockResponse(string Sku, int Available);
