using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StepOrders.Api.Access;
using StepOrders.Local.Data;
using StepOrders.Local.Engines;
using StepOrders.Orders.Ports;

namespace StepOrders.Local;

/// <summary>
/// Readies the data folder before the host serves: a new folder gets the demo catalog (unless the inventory is an
/// AWS account's, see <see cref="EngineOptions.SeedsDemoCatalog"/>) and a demo admin key, printed once;
/// <c>STEPORDERS_API_KEY</c> is registered as an admin key (scripts and tests know their key in advance).
/// </summary>
internal sealed partial class LocalStartup(
    LocalDatabase database, IInventory inventory, EngineOptions engines, ApiKeyIssuer issuer, ILogger<LocalStartup> logger) : IHostedService
{
    public const string ApiKeyVariable = "STEPORDERS_API_KEY";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await database.IsEmptyAsync(cancellationToken))
        {
            foreach (var (sku, available) in engines.SeedsDemoCatalog ? DemoCatalog.Stock() : [])
            {
                await inventory.SetAvailableAsync(sku, available, cancellationToken);
            }
            var demoKey = await issuer.IssueAsync("demo", customerId: null, isAdmin: true, cancellationToken);
            Console.Out.WriteLine($"Demo admin API key (send it as x-api-key): {demoKey}");
            LogSeeded(database.Path);
        }
        if (Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } secret
            && await issuer.RegisterAsync(secret, ApiKeyVariable, isAdmin: true, cancellationToken))
        {
            LogRegistered(ApiKeyVariable);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Empty data folder {Path}: seeded the demo catalog and a demo admin key")]
    private partial void LogSeeded(string path);

    [LoggerMessage(LogLevel.Information, "Registered the key in {Variable} as an admin key")]
    private partial void LogRegistered(string variable);
}
