using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace StepOrders.Api.Access;

/// <summary>
/// Who is calling, from the authenticated key: handlers take it as a parameter. A key bound to a customer reaches
/// that customer's orders only; an unbound key (a shop's back end) reaches every customer's orders; only admin keys
/// reach <c>/admin</c>.
/// </summary>
public sealed record ApiCaller(string KeyId, string KeyName, string? CustomerId, bool IsAdmin)
{
    public const string AdminRole = "admin";
    public const string CustomerClaim = "customer_id";

    public bool MayReach(string customerId) => CustomerId is null || string.Equals(CustomerId, customerId, StringComparison.Ordinal);

    public static ClaimsPrincipal ToPrincipal(ApiKey key, string scheme)
    {
        var claims = new List<Claim>(4)
        {
            new(ClaimTypes.NameIdentifier, key.Id),
            new(ClaimTypes.Name, key.Name),
        };
        if (key.CustomerId is not null)
        {
            claims.Add(new Claim(CustomerClaim, key.CustomerId));
        }
        if (key.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Minimal APIs bind an <see cref="ApiCaller"/> parameter through this: from the key the authentication found.</summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext context)
    {
        if (context.Features.Get<ApiKey>() is { } key)
        {
            return ValueTask.FromResult<ApiCaller?>(new ApiCaller(key.Id, key.Name, key.CustomerId, key.IsAdmin));
        }
        var user = context.User;
        var keyId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return ValueTask.FromResult(keyId is null
            ? null
            : new ApiCaller(keyId, user.Identity?.Name ?? keyId, user.FindFirstValue(CustomerClaim), user.IsInRole(AdminRole)));
    }
}
