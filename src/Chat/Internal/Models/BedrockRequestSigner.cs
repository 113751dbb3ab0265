using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Anthropic.Bedrock;

namespace StepOrders.Chat.Internal.Models;

/// <summary>
/// Signs each Bedrock request with SigV4, using credentials from the standard AWS chain (environment, profile, SSO,
/// container or instance role, the Lambda role). Temporary credentials carry a session token, which is sent and
/// signed as <c>x-amz-security-token</c> (AWS SigV4: "Add the session token"); Anthropic.Bedrock's own key
/// credentials leave it out, so they would be refused on Lambda.
/// </summary>
internal sealed class BedrockRequestSigner(string region, AWSCredentials? credentials, TimeProvider time) : IAnthropicBedrockCredentials
{
    private const string Service = "bedrock";

    private AWSCredentials? _credentials = credentials;

    public string Region => region;

    public async Task Apply(HttpRequestMessage requestMessage)
    {
        _credentials ??= await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
        var identity = await _credentials.GetCredentialsAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var body = requestMessage.Content is null ? "" : await requestMessage.Content.ReadAsStringAsync();
        var payloadHash = AWSSigner.CalculateHash(body);

        Replace(requestMessage, "x-amz-date", AWSSigner.ToAmzDate(now));
        Replace(requestMessage, "x-amz-content-sha256", payloadHash);
        var token = identity.UseToken ? identity.Token : null;
        if (token is not null)
        {
            Replace(requestMessage, "x-amz-security-token", token);
        }
        // HttpClient sends a header with several values as "a, b"; send and sign one comma-joined value instead,
        // so the signed bytes are the sent bytes.
        foreach (var header in requestMessage.Headers.Where(header => header.Value.Count() > 1).ToList())
        {
            Replace(requestMessage, header.Key, string.Join(',', header.Value));
        }
        var signed = requestMessage.Headers.ToDictionary(
            header => header.Key, header => string.Join(',', header.Value), StringComparer.OrdinalIgnoreCase);
        signed.Remove("Authorization");
        var authorization = AWSSigner.GetAuthorizationHeader(
            Service, region, requestMessage.Method.Method, requestMessage.RequestUri!, now, signed, payloadHash,
            identity.AccessKey, identity.SecretKey, token);
        Replace(requestMessage, "Authorization", authorization);
    }

    private static void Replace(HttpRequestMessage requestMessage, string name, string value)
    {
        requestMessage.Headers.Remove(name);
        requestMessage.Headers.TryAddWithoutValidation(name, value);
    }
}
