using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace StepOrders.Api.Health;

/// <summary><c>GET /health</c>: up or not, for load balancers and scripts; needs no key and is never throttled.</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").AllowAnonymous().DisableRateLimiting().WithTags("Health");
        group.MapGet("/", () => TypedResults.Ok(new HealthResponse("ok"))).WithName("Health");
        return group;
    }
}

public sealed record HealthResponse(string Status);
