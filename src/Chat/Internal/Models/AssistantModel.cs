using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Chat.Internal.Models;

/// <summary>
/// The configured model behind its guards. A failure, a timeout or an open breaker is an expected outcome here:
/// the reply is null and the templates answer. Each call is timed, retries and all, by outcome.
/// </summary>
internal sealed class AssistantModel(IChatClient client, ChatAssistantOptions options, TimeProvider time, ILogger logger, OrderMetrics? metrics = null)
{
    private readonly ResiliencePipeline _pipeline = ModelResilience.Build(options, time);

    private readonly ChatOptions _requestOptions = new() { MaxOutputTokens = options.MaxOutputTokens, Temperature = 0 };

    public async Task<string?> AskAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var response = await _pipeline.ExecuteAsync(
                async token => await client.GetResponseAsync(messages, _requestOptions, token), cancellationToken);
            metrics?.ModelCalled(succeeded: true, time.GetElapsedTime(started));
            return response.Text;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any model failure, whatever the SDK throws, is answered from the templates.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            metrics?.ModelCalled(succeeded: false, time.GetElapsedTime(started));
            ChatLog.ModelFailed(logger, exception.GetType().Name, exception);
            return null;
        }
    }
}
