using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using StepOrders.Lambda.Events;

namespace StepOrders.Lambda.ApiGateway;

/// <summary>One proxy event through the application: features in, the pipeline run, the buffered response out.</summary>
internal static class ProxyExchange
{
    public static async Task<ApiGatewayProxyResponse> RunAsync<TContext>(
        IHttpApplication<TContext> application, ApiGatewayProxyRequest request, CancellationToken aborted)
        where TContext : notnull
    {
        var response = new ProxyResponse();
        var features = new FeatureCollection();
        ProxyRequest.AddTo(features, request, aborted);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(response);

        var context = application.CreateContext(features);
        Exception? unhandled = null;
        try
        {
            await application.ProcessRequestAsync(context);
            await response.CompleteAsync();
        }
        catch (Exception e)
        {
            // The exception handler middleware answers most; what escapes it is answered as Kestrel would.
            unhandled = e;
            response.Fail();
        }
        await response.FireOnCompletedAsync();
        application.DisposeContext(context, unhandled);
        return response.ToEvent();
    }
}
