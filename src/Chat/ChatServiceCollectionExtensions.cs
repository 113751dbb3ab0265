using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Chat.Internal.Models;
using StepOrders.Orders.Ports;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>The key of the <see cref="IChatClient"/> the assistant uses; a host may register its own under it first.</summary>
    public const string ModelKey = "StepOrders.Chat";

    /// <summary>
    /// Registers <see cref="ChatAssistant"/> with the options of the configuration section <c>Chat</c>, and the model
    /// they name. Needs an <see cref="IOrderStore"/>. Throws when the section is invalid, naming every bad key.
    /// </summary>
    public static IServiceCollection AddStepOrdersChat(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ChatAssistantOptions();
        configuration.GetSection(ChatAssistantOptions.SectionName).Bind(options);
        var errors = options.Check();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                "The Chat configuration is invalid: " + string.Join(" ", errors.Select(error => $"{error.Field} {error.Message}")));
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        if (options.Provider != ChatProvider.None)
        {
            services.TryAddKeyedSingleton<IChatClient>(ModelKey, (provider, _) =>
                ChatClientFactory.Create(options, provider.GetRequiredService<TimeProvider>(), Environment.GetEnvironmentVariable)!);
        }
        services.AddSingleton(provider => new ChatAssistant(
            provider.GetRequiredService<IOrderStore>(),
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ChatAssistant>>() ?? NullLogger<ChatAssistant>.Instance,
            provider.GetKeyedService<IChatClient>(ModelKey),
            provider.GetService<OrderMetrics>()));
        return services;
    }
}
