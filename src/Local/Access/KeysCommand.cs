using System.Globalization;
using StepOrders.Api.Access;
using StepOrders.Local.Data;

namespace StepOrders.Local.Access;

/// <summary>
/// The <c>keys</c> command, run against the data folder without starting the web host (see
/// <see cref="KeysArguments.Usage"/>). <c>create</c> prints the new key's secret alone on stdout (so
/// <c>KEY=$(dotnet run --project src/Local -- keys create --name ci)</c> works); it is never shown again. <c>list</c>
/// prints every key's name, customer, admin flag, usage plan, creation and revocation, never a secret or a hash.
/// <c>revoke</c> stops a key; a running host notices within <see cref="KnownApiKeys.TimeToLive"/>.
/// </summary>
public static class KeysCommand
{
    public static bool IsKeysCommand(string[] args) => args is ["keys", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (!KeysArguments.TryParse(args, out var request, out var problem))
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(KeysArguments.Usage);
            return 2;
        }
        await using var database = LocalDatabase.Open(DataFolder.From(request.Data));
        var store = new SqliteApiKeyStore(database);
        return request.Action switch
        {
            "create" => await CreateAsync(store, request, output),
            "list" => await ListAsync(store, output),
            _ => await RevokeAsync(store, request, output, errors),
        };
    }

    private static async Task<int> CreateAsync(SqliteApiKeyStore store, KeysArguments request, TextWriter output)
    {
        var issuer = new ApiKeyIssuer(store, TimeProvider.System);
        await output.WriteLineAsync(await issuer.IssueAsync(request.Name!, request.CustomerId, request.IsAdmin, request.Plan, CancellationToken.None));
        return 0;
    }

    private static async Task<int> ListAsync(SqliteApiKeyStore store, TextWriter output)
    {
        string[] header = ["ID", "NAME", "CUSTOMER", "ADMIN", "RATE/S", "BURST", "QUOTA/DAY", "CREATED", "REVOKED"];
        var rows = (await store.ListAsync(CancellationToken.None)).Select(key => new[]
        {
            key.Id, key.Name, key.CustomerId ?? "-", key.IsAdmin ? "yes" : "no",
            key.Plan.RateLimit.ToString(CultureInfo.InvariantCulture),
            key.Plan.BurstLimit.ToString(CultureInfo.InvariantCulture),
            key.Plan.QuotaLimit.ToString(CultureInfo.InvariantCulture),
            Time(key.CreatedAt), key.RevokedAt is { } revoked ? Time(revoked) : "-",
        }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(SqliteApiKeyStore store, KeysArguments request, TextWriter output, TextWriter errors)
    {
        var live = (await store.ListAsync(CancellationToken.None))
            .Where(key => !key.IsRevoked && (request.Id is not null ? key.Id == request.Id : key.Name == request.Name))
            .ToList();
        switch (live)
        {
            case []:
                await errors.WriteLineAsync($"No key that is not revoked has {(request.Id is not null ? $"the id {request.Id}" : $"the name {request.Name}")}.");
                return 1;
            case [var key]:
                await store.RevokeAsync(key.Id, DateTimeOffset.UtcNow, CancellationToken.None);
                await output.WriteLineAsync($"Revoked {key.Id} ({key.Name}).");
                return 0;
            default:
                await errors.WriteLineAsync($"{live.Count} keys are named {request.Name}; revoke one with --id: {string.Join(", ", live.Select(key => key.Id))}.");
                return 1;
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
