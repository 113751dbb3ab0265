using Microsoft.Extensions.Logging;
using StepOrders.Api.Access;
using StepOrders.Workflow;
using StepOrders.Workflow.Api;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Local;

/// <summary>
/// <c>POST /sfn</c>: the Step Functions API (AWS JSON 1.0, <c>X-Amz-Target: AWSStepFunctions.*</c>) for the AWS CLI
/// and SDKs, over the embedded runtime. The caller needs an admin API key, sent as <c>x-api-key</c> or as the access
/// key id of a SigV4 <c>Authorization</c> header — so <c>AWS_ACCESS_KEY_ID=&lt;admin key&gt;</c> with any secret
/// works. The access key id is the credential: the signature is not checked, since only the key's hash is stored
/// and SigV4 needs the secret to recompute it. Refusals and errors come back in AWS's shape.
/// </summary>
public static partial class SfnEndpoint
{
    public const string Path = "/sfn";
    private const int MaxKeyLength = 256;

    /// <summary>Maps <c>POST /sfn</c> (and <c>/sfn/</c>): the key is checked here, not by the API's authentication.</summary>
    public static RouteHandlerBuilder MapStepFunctionsApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost(Path, HandleAsync).AllowAnonymous().ExcludeFromDescription().WithName("StepFunctionsApi");

    private static async Task HandleAsync(
        HttpContext context, WorkflowRuntime runtime, TaskHandlerRegistry handlers, WorkflowOptions options, TimeProvider time,
        KnownApiKeys keys, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var reply = await AuthorizeAsync(context.Request, keys, cancellationToken);
        if (reply is null)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, cancellationToken);
            var api = new StepFunctionsApi(runtime, handlers, options, time);
            try
            {
                reply = await api.HandleAsync(context.Request.Headers["X-Amz-Target"].ToString(), body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailure(loggers.CreateLogger(typeof(SfnEndpoint)), e, context.Request.Headers["X-Amz-Target"].ToString());
                reply = StepFunctionsApi.Error(StepFunctionsFault.InternalFailure, "The request failed on the server.", StatusCodes.Status500InternalServerError);
            }
        }

        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = StepFunctionsReply.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
        await context.Response.Body.WriteAsync(reply.Body, cancellationToken);
    }

    /// <summary>Null when the caller holds an admin key; else the refusal, worded as AWS words it.</summary>
    private static async Task<StepFunctionsReply?> AuthorizeAsync(HttpRequest request, KnownApiKeys keys, CancellationToken cancellationToken)
    {
        var secret = request.Headers[ApiKeyAuthenticationHandler.HeaderName] is { Count: 1 } apiKey
            ? apiKey.ToString()
            : AccessKeyId(request.Headers.Authorization.ToString());
        if (secret is not { Length: > 0 and <= MaxKeyLength })
        {
            return StepFunctionsApi.Error(StepFunctionsFault.MissingAuthenticationToken,
                $"Missing Authentication Token: send an admin API key as {ApiKeyAuthenticationHandler.HeaderName} or as the SigV4 access key id.");
        }

        return await keys.FindAsync(secret, cancellationToken) switch
        {
            null => StepFunctionsApi.Error(StepFunctionsFault.UnrecognizedClient, "The security token included in the request is invalid."),
            { IsAdmin: false } key => StepFunctionsApi.Error(StepFunctionsFault.AccessDenied,
                $"The API key '{key.Name}' is not an admin key; the Step Functions API needs one."),
            _ => null,
        };
    }

    /// <summary>The access key id of <c>AWS4-HMAC-SHA256 Credential=KEY/20250101/us-east-1/states/aws4_request, SignedHeaders=…, Signature=…</c>.</summary>
    internal static string? AccessKeyId(string authorization)
    {
        const string Scheme = "AWS4-HMAC-SHA256 ";
        const string Credential = "Credential=";
        if (!authorization.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var part in authorization[Scheme.Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith(Credential, StringComparison.Ordinal))
            {
                var scope = part[Credential.Length..];
                var slash = scope.IndexOf('/', StringComparison.Ordinal);
                return slash > 0 ? scope[..slash] : null;
            }
        }

        return null;
    }

    [LoggerMessage(LogLevel.Error, "Step Functions API request {Target} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string target);
}
