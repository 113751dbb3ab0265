using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using StepOrders.Lambda.Events;

namespace StepOrders.Lambda.ApiGateway;

/// <summary>
/// The ASP.NET Core server of the API function: instead of listening on a socket it takes the proxy events the
/// invocation loop receives, runs each through the application's pipeline in process, and hands back the response.
/// </summary>
internal sealed class ApiGatewayServer : IServer
{
    private Func<ApiGatewayProxyRequest, CancellationToken, Task<ApiGatewayProxyResponse>>? _application;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        _application = (request, aborted) => ProxyExchange.RunAsync(application, request, aborted);
        return Task.CompletedTask;
    }

    /// <summary>Runs one request through the pipeline; <paramref name="cancellationToken"/> is the request's <c>RequestAborted</c>.</summary>
    public Task<ApiGatewayProxyResponse> HandleAsync(ApiGatewayProxyRequest request, CancellationToken cancellationToken) =>
        (_application ?? throw new InvalidOperationException("The API has not started: start the web application first."))(request, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _application = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
