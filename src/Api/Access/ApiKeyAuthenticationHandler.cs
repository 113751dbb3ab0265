using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepOrders.Api.FrontDoor;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Access;

/// <summary>
/// Authenticates the <c>x-api-key</c> header against the stored keys (API Gateway's API keys, locally). A missing,
/// unknown or revoked key gets 401, a key without the rights gets 403, both as problem details. The key found is
/// left on the request (<c>HttpContext.Features.Get&lt;ApiKey&gt;()</c>) for the usage plan and the access log.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    KnownApiKeys keys,
    FrontDoorOptions frontDoor,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "x-api-key";
    private const int MaxSecretLength = 256;

    /// <summary>Who every request is while the front door is off (<c>--no-front-door</c>, for benchmarks only).</summary>
    public static readonly ApiKey FrontDoorOff = new(
        "key_front-door-off", "front-door-off", null, true, DateTimeOffset.UnixEpoch,
        new UsagePlan(UsagePlan.MaxRateLimit, UsagePlan.MaxBurstLimit, UsagePlan.MaxQuotaLimit));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!frontDoor.Enabled)
        {
            return Authenticated(FrontDoorOff);
        }
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxSecretLength } secret)
        {
            return AuthenticateResult.Fail($"Send one {HeaderName} header.");
        }
        var key = await keys.FindAsync(secret, Context.RequestAborted);
        return key is null ? AuthenticateResult.Fail("The API key is not known or was revoked.") : Authenticated(key);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, $"Send a valid API key in the {HeaderName} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "This API key may not use this resource.");

    private AuthenticateResult Authenticated(ApiKey key)
    {
        Context.Features.Set(key);
        return AuthenticateResult.Success(new AuthenticationTicket(keys.PrincipalOf(key, SchemeName), SchemeName));
    }

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
