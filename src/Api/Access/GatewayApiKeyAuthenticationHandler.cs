using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StepOrders.Api.Access;

/// <summary>
/// Authenticates a request a gateway already checked the key of (<see cref="GatewayApiKey"/>): the host behind API
/// Gateway uses this scheme instead of <see cref="ApiKeyAuthenticationHandler"/>. A request without it, or with a
/// key bound to no caller here, gets 401; a key without the rights 403, as problem details like locally.
/// </summary>
public sealed class GatewayApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    KnownGatewayApiKeys keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "GatewayApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.Features.Get<GatewayApiKey>() is not { } checkedKey)
        {
            return AuthenticateResult.NoResult();
        }
        var key = await keys.FindAsync(checkedKey.KeyId, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail($"The API key {checkedKey.KeyId} is bound to no caller.");
        }
        // Left on the request, as the local scheme does, for the caller binding and the access log.
        Context.Features.Set(key);
        return AuthenticateResult.Success(new AuthenticationTicket(ApiCaller.ToPrincipal(key, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "This API key is bound to no caller: bind its id in the API keys table.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "This API key may not use this resource.");

    private async Task WriteProblemAsync(int status, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}
