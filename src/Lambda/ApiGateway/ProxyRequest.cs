using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using StepOrders.Api.Access;
using StepOrders.Lambda.Events;

namespace StepOrders.Lambda.ApiGateway;

/// <summary>The request features ASP.NET Core reads, made from a proxy event.</summary>
internal static class ProxyRequest
{
    public static void AddTo(FeatureCollection features, ApiGatewayProxyRequest request, CancellationToken aborted)
    {
        var body = Body(request);
        var headers = Headers(request);
        if (body.Length > 0 && !headers.ContainsKey(HeaderNames.ContentLength) && !headers.ContainsKey(HeaderNames.TransferEncoding))
        {
            headers.ContentLength = body.Length;
        }
        var path = new PathString(request.Path);
        var query = QueryString(request);
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = request.RequestContext?.Protocol ?? "HTTP/1.1",
            // API Gateway takes HTTPS only; X-Forwarded-Proto says so.
            Scheme = headers.TryGetValue("X-Forwarded-Proto", out var scheme) && scheme.Count == 1 ? scheme[0]! : "https",
            Method = request.HttpMethod!,
            PathBase = PathString.Empty,
            Path = path,
            QueryString = query.Value ?? "",
            RawTarget = path.ToUriComponent() + query.ToUriComponent(),
            Headers = headers,
            Body = new MemoryStream(body, writable: false),
        });
        features.Set<IHttpRequestBodyDetectionFeature>(new RequestBodyDetection(body.Length > 0));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = aborted });
        if (request.RequestContext?.RequestId is { Length: > 0 } requestId)
        {
            features.Set<IHttpRequestIdentifierFeature>(new HttpRequestIdentifierFeature { TraceIdentifier = requestId });
        }
        var identity = request.RequestContext?.Identity;
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            RemoteIpAddress = IPAddress.TryParse(identity?.SourceIp, out var address) ? address : null,
        });
        if (identity?.ApiKeyId is { Length: > 0 } keyId)
        {
            // Set by API Gateway, not by the client: every method of the API requires a key, checked before this runs.
            features.Set(new GatewayApiKey(keyId));
        }
    }

    private static byte[] Body(ApiGatewayProxyRequest request) =>
        string.IsNullOrEmpty(request.Body) ? []
        : request.IsBase64Encoded ? Convert.FromBase64String(request.Body)
        : Encoding.UTF8.GetBytes(request.Body);

    private static HeaderDictionary Headers(ApiGatewayProxyRequest request)
    {
        var headers = new HeaderDictionary();
        if (request.MultiValueHeaders is { Count: > 0 } multi)
        {
            foreach (var (name, values) in multi)
            {
                headers[name] = new StringValues(values?.Where(value => value is not null).ToArray() ?? []);
            }
        }
        else if (request.Headers is { } single)
        {
            foreach (var (name, value) in single)
            {
                headers[name] = value;
            }
        }
        return headers;
    }

    /// <summary>The query string rebuilt from the decoded parameters, each escaped again.</summary>
    private static QueryString QueryString(ApiGatewayProxyRequest request)
    {
        var pairs = request.MultiValueQueryStringParameters is { Count: > 0 } multi
            ? multi.SelectMany(parameter => (parameter.Value ?? []).Select(value => KeyValuePair.Create<string, string?>(parameter.Key, value ?? "")))
            : (request.QueryStringParameters ?? new Dictionary<string, string?>()).Select(parameter => KeyValuePair.Create<string, string?>(parameter.Key, parameter.Value ?? ""));
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs);
    }

    private sealed class RequestBodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody { get; } = canHaveBody;
    }
}
