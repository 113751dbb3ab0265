namespace StepOrders.Api.Access;

/// <summary>
/// The API key a gateway in front of the API checked before the request got here (API Gateway's
/// <c>requestContext.identity.apiKeyId</c>). The host that takes requests from the gateway sets it as a request
/// feature; a client cannot, as it is no header.
/// </summary>
public sealed record GatewayApiKey(string KeyId);
