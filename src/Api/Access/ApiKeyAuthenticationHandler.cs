using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StepOrders.Api.Access;

/// <summary>
/// Authenticates the <c>x-api-key</c> header against the stored keys (API Gateway's API keys, locally). A missing or
/// unknown key gets 401, a key without the rights gets 403, both as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    KnownApiKeys keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "x-api-key";
    private const int MaxSecretLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxSecretLength } secret)
        {
            return AuthenticateResult.Fail($"Send one {HeaderName} header.");
        }
        var key = await keys.FindAsync(secret, Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("The API key is not known.")
            : AuthenticateResult.Success(new AuthenticationTicket(ApiCaller.ToPrincipal(key, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, $"Send a valid API key in the {HeaderName} header.");

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
