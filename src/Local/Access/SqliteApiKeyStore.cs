using Microsoft.Data.Sqlite;
using StepOrders.Api.Access;
using StepOrders.Local.Data;

namespace StepOrders.Local.Access;

/// <summary>API keys in the <c>api_keys</c> table, found by the SHA-256 of their secret.</summary>
internal sealed class SqliteApiKeyStore(LocalDatabase database) : IApiKeyStore
{
    public const string Insert = """
        INSERT INTO api_keys (id, hash, name, customer_id, is_admin, created_at) VALUES (@id, @hash, @name, @customer, @admin, @created)
        ON CONFLICT (hash) DO NOTHING
        """;

    public async Task<ApiKey?> FindAsync(ApiKeyHash hash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, customer_id, is_admin, created_at FROM api_keys WHERE hash = @hash";
        command.Parameters.AddWithValue("@hash", Convert.FromHexString(hash.Hex));
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken)
            ? new ApiKey(row.GetString(0), row.GetString(1), row.ReadNullableString(2), row.GetInt64(3) != 0, row.ReadTime(4))
            : null;
    }

    public Task<bool> TryAddAsync(ApiKey key, ApiKeyHash hash, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync((key, hash), static (scope, add) => Bind(scope.Command(Insert), add.key, add.hash).ExecuteNonQuery() == 1, cancellationToken);

    public static SqliteCommand Bind(SqliteCommand command, ApiKey key, ApiKeyHash hash) =>
        command
            .Bind("@id", key.Id)
            .Bind("@hash", Convert.FromHexString(hash.Hex))
            .Bind("@name", key.Name)
            .Bind("@customer", key.CustomerId)
            .Bind("@admin", key.IsAdmin ? 1 : 0)
            .Bind("@created", key.CreatedAt.ToStored());
}
