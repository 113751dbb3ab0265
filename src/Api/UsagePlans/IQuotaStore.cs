namespace StepOrders.Api.UsagePlans;

/// <summary>Where the keys' quota counts are kept across restarts (API Gateway keeps them for us on AWS).</summary>
public interface IQuotaStore
{
    /// <summary>Every key's count on <paramref name="day"/> (<see cref="DateOnly.DayNumber"/>).</summary>
    Task<IReadOnlyDictionary<string, long>> LoadAsync(int day, CancellationToken cancellationToken);

    /// <summary>Saves the counts, each replacing what its key had.</summary>
    Task SaveAsync(IReadOnlyList<QuotaUse> uses, CancellationToken cancellationToken);
}
