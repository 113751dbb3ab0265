using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Lambda.Functions;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps;
using StepOrders.Steps.Tests;

namespace StepOrders.Lambda.Tests;

public sealed class LambdaHostTests
{
    /// <summary>Every [Function] in the Steps assembly, read the way the CDK stack reads them.</summary>
    public static TheoryData<string> DeclaredFunctions()
    {
        var names = new TheoryData<string>();
        foreach (var type in typeof(StartOrderWorkflow).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<FunctionAttribute>() is { } declaration)
            {
                names.Add(declaration.Name);
            }
        }
        return names;
    }

    private static ServiceCollection Composition()
    {
        var services = new ServiceCollection();
        services.AddStepOrdersLambda();
        services.AddLogging(logging => logging.ClearProviders());
        return services;
    }

    [Theory]
    [MemberData(nameof(DeclaredFunctions))]
    public async Task Every_declared_function_is_served_by_its_handler_name(string name)
    {
        var services = Composition();
        var shop = new InMemoryShop();
        services.AddSingleton<IOrderStore>(shop);
        services.AddSingleton<IInventory>(shop);
        services.AddSingleton<IPaymentGateway>(shop);
        services.AddSingleton<IOrderWorkflow>(new RecordingWorkflow());
        services.AddSingleton<IOrderQueue>(new UnusedQueue());
        await using var provider = services.BuildServiceProvider();

        var declared = Assert.Single(FunctionCatalog.Declared(services), function => function.Name == name);
        var function = FunctionCatalog.Create(declared, provider);

        Assert.NotNull(function);
    }

    [Fact]
    public async Task An_unknown_handler_is_an_init_error_that_names_the_functions_served()
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();

        var exitCode = await LambdaHost.RunAsync(runtimeApi.Address, "NoSuchFunction", Composition(), CancellationToken.None);

        var error = await runtimeApi.InitError.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, exitCode);
        Assert.Equal(RuntimeErrors.NoSuchHandler, error.ErrorType);
        Assert.Equal(RuntimeErrors.NoSuchHandler, error.ErrorTypeHeader);
        Assert.Contains("'NoSuchFunction'", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("CheckInventory, CompleteOrder, MarkOrderFailed", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, runtimeApi.NextRequests);
    }

    [Fact]
    public async Task A_function_whose_settings_are_missing_is_an_init_error()
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();

        var exitCode = await LambdaHost.RunAsync(runtimeApi.Address, "ValidateOrder", Composition(), CancellationToken.None);

        var error = await runtimeApi.InitError.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, exitCode);
        Assert.Equal(RuntimeErrors.ConfigInvalid, error.ErrorType);
        // Here the DynamoDB client, built first, misses AWS_REGION; the published binary's test names a missing STEPORDERS_ setting.
        Assert.StartsWith("ValidateOrder cannot start: ", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_without_its_stage_is_an_init_error_naming_the_setting()
    {
        await using var runtimeApi = await RuntimeApiEmulator.StartAsync();
        var services = Composition();
        var shop = new InMemoryShop();
        services.AddSingleton<IOrderStore>(shop);
        services.AddSingleton<IInventory>(shop);
        services.AddSingleton<IPaymentGateway>(shop);

        var exitCode = await LambdaHost.RunAsync(runtimeApi.Address, "ValidateOrder", services, CancellationToken.None);

        var error = await runtimeApi.InitError.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, exitCode);
        Assert.Equal(RuntimeErrors.ConfigInvalid, error.ErrorType);
        Assert.Contains(LambdaEnvironment.Stage, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_serves_invocations_one_after_another()
    {
        var shop = new InMemoryShop();
        var orders = Enumerable.Range(0, 3).Select(_ => shop.Place()).ToList();
        await using var lambda = await InProcessLambda.StartAsync("ValidateOrder", shop, new RecordingWorkflow());

        foreach (var order in orders)
        {
            var reply = await lambda.InvokeAsync($$"""{"orderId":"{{order.Id}}"}""");
            Assert.False(reply.IsError);
        }

        Assert.All(orders, order => Assert.Equal(OrderStatus.Validating, shop[order.Id].Status));
        Assert.True(lambda.RuntimeApi.NextRequests >= 3);
    }
}
