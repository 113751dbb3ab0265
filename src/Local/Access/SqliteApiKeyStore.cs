using Microsoft.Data.Sqlite;
using StepOrders.Api.Access;
using StepOrders.Api.UsagePlans;
using StepOrders.Local.Data;

namespace StepOrders.Local.Access;

/// <summary>API keys in the <c>api_keys</c> table, found by the SHA-256 of their secret.</summary>
internal sealed class SqliteApiKeyStore(LocalDatabase database) : IApiKeyStore
{
    public const string Insert = """
        INSERT INTO api_keys (id, hash, name, customer_id, is_admin, created_at, rate_limit, burst_limit, quota_limit)
        VALUES (@id, @hash, @name, @customer, @admin, @created, @rate, @burst, @quota)
        ON CONFLICT (hash) DO NOTHING
        """;

    private const string Columns = "id, name, customer_id, is_admin, created_at, rate_limit, burst_limit, quota_limit, revoked_at";

    public async Task<ApiKey?> FindAsync(ApiKeyHash hash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys WHERE hash = @hash AND revoked_at IS NULL";
        command.Parameters.AddWithValue("@hash", Convert.FromHexString(hash.Hex));
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken) ? Read(row) : null;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys ORDER BY created_at, id";
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKey>();
        while (await row.ReadAsync(cancellationToken))
        {
            keys.Add(Read(row));
        }
        return keys;
    }

    public Task<bool> TryAddAsync(ApiKey key, ApiKeyHash hash, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync((key, hash), static (scope, add) => Bind(scope.Command(Insert), add.key, add.hash).ExecuteNonQuery() == 1, cancellationToken);

    public Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync((keyId, at), static (scope, revoke) =>
            scope.Command("UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL")
                .Bind("@id", revoke.keyId)
                .Bind("@at", revoke.at.ToStored())
                .ExecuteNonQuery() == 1, cancellationToken);

    public static SqliteCommand Bind(SqliteCommand command, ApiKey key, ApiKeyHash hash) =>
        command
            .Bind("@id", key.Id)
            .Bind("@hash", Convert.FromHexString(hash.Hex))
            .Bind("@name", key.Name)
            .Bind("@customer", key.CustomerId)
            .Bind("@admin", key.IsAdmin ? 1 : 0)
            .Bind("@created", key.CreatedAt.ToStored())
            .Bind("@rate", key.Plan.RateLimit)
            .Bind("@burst", key.Plan.BurstLimit)
            .Bind("@quota", key.Plan.QuotaLimit);

    private static ApiKey Read(SqliteDataReader row) => new(
        row.GetString(0), row.GetString(1), row.ReadNullableString(2), row.GetInt64(3) != 0, row.ReadTime(4),
        new UsagePlan(row.GetDouble(5), row.GetInt32(6), row.GetInt64(7)),
        row.IsDBNull(8) ? null : row.ReadTime(8));
}
