using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StepOrders.Api.Access;
using StepOrders.Local.Data;
using StepOrders.Local.Engines;
using StepOrders.Orders.Ports;

namespace StepOrders.Local;

/// <summary>
/// Readies the host before it serves: an inventory that stocks none of the demo catalog's SKUs gets the catalog
/// (unless it is an AWS account's, see <see cref="EngineOptions.SeedsDemoCatalog"/>); a data folder without keys gets a
/// demo admin key, printed once; <c>STEPORDERS_API_KEY</c> is registered as an admin key (scripts and tests know their
/// key in advance). The inventory is asked, not the data folder, because with <c>--store dynamodb</c> it outlives the
/// folder and every restart: judging by the folder re-seeded it, overwriting the stock, on each start.
/// </summary>
internal sealed partial class LocalStartup(
    LocalDatabase database, IInventory inventory, EngineOptions engines, ApiKeyIssuer issuer, ILogger<LocalStartup> logger) : IHostedService
{
    public const string ApiKeyVariable = "STEPORDERS_API_KEY";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (engines.SeedsDemoCatalog && await StocksNoDemoSkuAsync(cancellationToken))
        {
            foreach (var (sku, available) in DemoCatalog.Stock())
            {
                await inventory.SetAvailableAsync(sku, available, cancellationToken);
            }
            LogSeededCatalog();
        }
        if (!await database.HasApiKeysAsync(cancellationToken))
        {
            var demoKey = await issuer.IssueAsync("demo", customerId: null, isAdmin: true, cancellationToken);
            Console.Out.WriteLine($"Demo admin API key (send it as x-api-key): {demoKey}");
            LogIssuedDemoKey(database.Path);
        }
        if (Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } secret
            && await issuer.RegisterAsync(secret, ApiKeyVariable, isAdmin: true, cancellationToken))
        {
            LogRegistered(ApiKeyVariable);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> StocksNoDemoSkuAsync(CancellationToken cancellationToken)
    {
        foreach (var (sku, _) in DemoCatalog.Stock())
        {
            if (await inventory.GetAvailableAsync(sku, cancellationToken) is not null)
            {
                return false;
            }
        }
        return true;
    }

    [LoggerMessage(LogLevel.Information, "New inventory: seeded the demo catalog")]
    private partial void LogSeededCatalog();

    [LoggerMessage(LogLevel.Information, "No keys in the data folder {Path}: issued a demo admin key")]
    private partial void LogIssuedDemoKey(string path);

    [LoggerMessage(LogLevel.Information, "Registered the key in {Variable} as an admin key")]
    private partial void LogRegistered(string variable);
}
