using StepOrders.Api.UsagePlans;
using StepOrders.Local.Data;

namespace StepOrders.Local.Access;

/// <summary>The keys' quota counts in <c>quota_usage</c>: one row per key, its count on the day it last counted.</summary>
internal sealed class SqliteQuotaStore(LocalDatabase database) : IQuotaStore
{
    private const string Save = """
        INSERT INTO quota_usage (key_id, day, used) VALUES (@key, @day, @used)
        ON CONFLICT (key_id) DO UPDATE SET day = excluded.day, used = excluded.used
        """;

    public async Task<IReadOnlyDictionary<string, long>> LoadAsync(int day, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_id, used FROM quota_usage WHERE day = @day";
        command.Parameters.AddWithValue("@day", day);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await row.ReadAsync(cancellationToken))
        {
            counts[row.GetString(0)] = row.GetInt64(1);
        }
        return counts;
    }

    public Task SaveAsync(IReadOnlyList<QuotaUse> uses, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync(uses, static (scope, uses) =>
        {
            var command = scope.Command(Save);
            foreach (var use in uses)
            {
                command.Bind("@key", use.KeyId).Bind("@day", use.Day).Bind("@used", use.Used).ExecuteNonQuery();
            }
            return uses.Count;
        }, cancellationToken);
}
