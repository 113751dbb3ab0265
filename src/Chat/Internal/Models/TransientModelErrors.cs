using System.ClientModel;
using System.Net;
using Anthropic.Exceptions;

namespace StepOrders.Chat.Internal.Models;

/// <summary>
/// Which model failures are worth a retry: throttling, server errors and network faults. Bad requests, refused
/// credentials and unparseable replies fail the same way on a retry, so they go straight to the templates.
/// </summary>
internal static class TransientModelErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        AnthropicApiException api => IsTransient(api.StatusCode),
        AnthropicIOException => true,
        ClientResultException result => result.Status == 0 || IsTransient((HttpStatusCode)result.Status),
        HttpRequestException http => http.StatusCode is not { } status || IsTransient(status),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
