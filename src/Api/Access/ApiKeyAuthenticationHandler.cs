using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using StepOrders.Api.FrontDoor;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Access;

/// <summary>
/// Authenticates the <c>x-api-key</c> header (or <c>Authorization: Bearer</c> where <see cref="BearerApiKey"/> allows) against the stored keys (API Gateway's API keys, locally). A missing,
/// unknown or revoked key gets 401, a key without the rights gets 403, both as problem details. The key found is
/// left on the request (<c>HttpContext.Features.Get&lt;ApiKey&gt;()</c>) for the usage plan and the access log.
/// An address that sent too many bad keys (<see cref="FailedAuthentications"/>) gets 429 with <c>Retry-After</c>
/// instead of 401, and its keys are not looked up in the store meanwhile unless they are in memory as known.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    KnownApiKeys keys,
    FailedAuthentications failures,
    FrontDoorOptions frontDoor,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "x-api-key";
    private const int MaxSecretLength = 256;

    private TimeSpan? _throttledFor;

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
        if (!Request.Headers.TryGetValue(HeaderName, out var values) && !TryGetBearer(out values))
        {
            return AuthenticateResult.NoResult();
        }
        if (values.Count == 1 && values[0] is { Length: > 0 and <= MaxSecretLength } secret)
        {
            var hash = ApiKeyHash.Of(secret);
            if (keys.Found(hash) is { } known)
            {
                return Authenticated(known);
            }
            if (Throttled() is { } throttled)
            {
                return throttled;
            }
            if (!keys.IsUnknown(hash) && await keys.ReadAsync(hash, Context.RequestAborted) is { } key)
            {
                return Authenticated(key);
            }
            failures.Add(Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("The API key is not known or was revoked.");
        }
        if (Throttled() is { } refused)
        {
            return refused;
        }
        failures.Add(Context.Connection.RemoteIpAddress);
        return AuthenticateResult.Fail($"Send one {HeaderName} header.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_throttledFor is { } retryAfter)
        {
            // Whole seconds, at least one, as the usage plans' 429 (UsagePlanThrottling).
            Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return WriteProblemAsync(StatusCodes.Status429TooManyRequests,
                $"Too many requests with an unknown or revoked API key from this address; send a valid {HeaderName} after Retry-After seconds.");
        }
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, $"Send a valid API key in the {HeaderName} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "This API key may not use this resource.");

    /// <summary><c>Authorization: Bearer KEY</c>, on an endpoint that takes it (<see cref="BearerApiKey"/>).</summary>
    private bool TryGetBearer(out StringValues values)
    {
        values = default;
        if (Request.Headers.Authorization is not { Count: 1 } authorization
            || authorization[0] is not { } credential
            || !credential.StartsWith(BearerApiKey.Scheme, StringComparison.OrdinalIgnoreCase)
            || Context.GetEndpoint()?.Metadata.GetMetadata<BearerApiKey>() is null)
        {
            return false;
        }
        values = credential[BearerApiKey.Scheme.Length..].Trim();
        return true;
    }

    private AuthenticateResult? Throttled()
    {
        if (!failures.IsThrottled(Context.Connection.RemoteIpAddress, out var retryAfter))
        {
            return null;
        }
        _throttledFor = retryAfter;
        return AuthenticateResult.Fail("Too many failed authentications from this address.");
    }

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
