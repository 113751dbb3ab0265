using System.Collections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Api.Telemetry;

/// <summary>
/// Records every API request's duration by method, route template and status code (so ids stay out of the tags and
/// requests group by route, as API Gateway's metrics do), and opens a log scope whose <c>orderId</c> and
/// <c>function</c> (the endpoint's name) are read when a line is written: from the route, or from the Location of the
/// order just placed, so a line logged at the end of <c>POST /orders</c> names its order. Outermost in the pipeline: it sees
/// the final status of every response, including problem details; a request that throws past it counts as 500.
/// </summary>
public sealed class RequestTelemetry(RequestDelegate next, OrderMetrics metrics, TimeProvider clock, ILogger<RequestTelemetry> logger)
{
    /// <summary>The route tag of a request no endpoint matched.</summary>
    public const string Unmatched = "unmatched";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = clock.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        using var scope = logger.BeginScope(new RequestLogScope(context));
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            // The exception handler clears the endpoint before it writes its 500; the endpoint that threw is kept in its feature.
            var endpoint = context.Features.Get<IExceptionHandlerPathFeature>()?.Endpoint ?? context.GetEndpoint();
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
            metrics.ApiRequest(context.Request.Method, route, status, clock.GetElapsedTime(started));
        }
    }

    private sealed class RequestLogScope(HttpContext context) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new(OrderLogScope.OrderIdField, OrderId()),
            1 => new(OrderLogScope.FunctionField, context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{context.Request.Method} {context.Request.Path}";

        private string? OrderId()
        {
            if (context.Request.RouteValues.TryGetValue("orderId", out var routed))
            {
                return routed as string;
            }
            var location = context.Response.Headers.Location.ToString();
            return location.StartsWith("/orders/", StringComparison.Ordinal) ? location["/orders/".Length..] : null;
        }
    }
}

public static class RequestTelemetryExtensions
{
    public static IApplicationBuilder UseRequestTelemetry(this IApplicationBuilder app) => app.UseMiddleware<RequestTelemetry>();
}
