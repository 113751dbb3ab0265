using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace StepOrders.Chat.Internal.Models;

/// <summary>
/// What guards each call to the model, outermost first: one timeout for the whole answer (retries included), so the
/// templates answer within <see cref="ChatAssistantOptions.Timeout"/>; retries of transient failures with exponential
/// backoff and jitter; a circuit breaker that stops calling a model that keeps failing or timing out.
/// </summary>
internal static class ModelResilience
{
    private static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline Build(ChatAssistantOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientModelErrors.IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Every failure counts, cancellations too: a model that only ever times out must open the breaker.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(),
                FailureRatio = 0.5,
                SamplingDuration = SamplingDuration,
                MinimumThroughput = options.BreakerMinimumThroughput,
                BreakDuration = options.BreakDuration,
            })
            .Build();
    }
}
