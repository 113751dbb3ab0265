using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace StepOrders.Api.UsagePlans;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by API key (<see cref="UsagePlanLimiters"/>), each partition the key's
/// <see cref="UsagePlanLimiter"/>. Requests without a key pass here and get their 401 from authorization. A refusal is a 429 problem with
/// <c>Retry-After</c> in whole seconds, as API Gateway's "Too Many Requests".
/// </summary>
public static class UsagePlanThrottling
{
    /// <summary>Usage plans applied in process; the host supplies an <see cref="IQuotaStore"/>.</summary>
    public static IServiceCollection AddStepOrdersUsagePlans(this IServiceCollection services)
    {
        services.AddSingleton<QuotaUsage>();
        services.AddHostedService<QuotaFlush>();
        services.AddRateLimiter(_ => { });
        services.AddSingleton<UsagePlanLimiters>();
        services.AddOptions<RateLimiterOptions>().Configure<UsagePlanLimiters>((options, limiters) =>
        {
            options.GlobalLimiter = limiters;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        rejected.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = reason ?? "Too many requests." },
        });
    }
}
