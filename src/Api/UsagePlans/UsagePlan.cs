using System.Globalization;
using StepOrders.Orders;

namespace StepOrders.Api.UsagePlans;

/// <summary>
/// A key's usage plan, as API Gateway defines one: throttling (a steady <see cref="RateLimit"/> in requests per second
/// and a <see cref="BurstLimit"/>, the size of the token bucket) and a <see cref="QuotaLimit"/> of requests per UTC day.
/// </summary>
public sealed record UsagePlan(double RateLimit, int BurstLimit, long QuotaLimit)
{
    /// <summary>Enough for a shop's back end; a request every 86 ms around the clock still fits the quota.</summary>
    public static readonly UsagePlan Default = new(100, 200, 1_000_000);

    public const double MaxRateLimit = 1_000_000;
    public const int MaxBurstLimit = 1_000_000;
    public const long MaxQuotaLimit = 1_000_000_000_000;

    /// <summary>The plan's fields that are out of range, named as the <c>keys create</c> options that set them.</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (!(RateLimit is > 0 and <= MaxRateLimit))
        {
            errors.Add(new("rate", string.Create(CultureInfo.InvariantCulture, $"must be more than 0 and at most {MaxRateLimit} requests per second.")));
        }
        if (BurstLimit is < 1 or > MaxBurstLimit)
        {
            errors.Add(new("burst", string.Create(CultureInfo.InvariantCulture, $"must be a whole number from 1 to {MaxBurstLimit}.")));
        }
        if (QuotaLimit is < 1 or > MaxQuotaLimit)
        {
            errors.Add(new("quota", string.Create(CultureInfo.InvariantCulture, $"must be a whole number of requests per day from 1 to {MaxQuotaLimit}.")));
        }
        return errors;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"rate {RateLimit}/s, burst {BurstLimit}, quota {QuotaLimit}/day");
}
