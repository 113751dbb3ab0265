using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Local;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.Sqlite;

/// <summary>
/// The SQLite adapters exactly as the one-machine host composes them (<see cref="LocalServiceCollectionExtensions.AddStepOrdersLocal"/>),
/// on a data folder of their own and a fake clock; the host itself is built but never started.
/// </summary>
public sealed class LocalAdapters : IAsyncDisposable
{
    private readonly string folder;
    private readonly WebApplication host;

    private LocalAdapters(string folder, WebApplication host)
    {
        this.folder = folder;
        this.host = host;
    }

    public IOrderStore Store => host.Services.GetRequiredService<IOrderStore>();

    public IOrderIntake Intake => host.Services.GetRequiredService<IOrderIntake>();

    public IOrderQueue Queue => host.Services.GetRequiredService<IOrderQueue>();

    public IInventory Inventory => host.Services.GetRequiredService<IInventory>();

    public IPaymentGateway Payments => host.Services.GetRequiredService<IPaymentGateway>();

    public static LocalAdapters Create(FakeTimeProvider clock, int maxReceiveCount = 5)
    {
        var folder = Directory.CreateTempSubdirectory("steporders-contract-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--data", folder, "--Queue:MaxReceiveCount", maxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Queue:PollerEnabled", "false"],
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddStepOrdersLocal();
        return new LocalAdapters(folder, builder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
