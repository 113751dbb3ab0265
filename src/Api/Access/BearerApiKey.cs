using Microsoft.AspNetCore.Builder;

namespace StepOrders.Api.Access;

/// <summary>
/// Endpoint metadata: the endpoint also takes its API key as <c>Authorization: Bearer KEY</c>, for clients that can
/// send a bearer credential but no header of their choice (Prometheus' scrape config has <c>authorization</c> and
/// <c>bearer_token_file</c>). Elsewhere only <c>x-api-key</c> counts, so the API keeps one way to send a key.
/// </summary>
public sealed class BearerApiKey
{
    public const string Scheme = "Bearer ";

    public static readonly BearerApiKey Accepted = new();

    private BearerApiKey()
    {
    }
}

public static class BearerApiKeyExtensions
{
    public static TBuilder AcceptApiKeyAsBearer<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(BearerApiKey.Accepted);
}
