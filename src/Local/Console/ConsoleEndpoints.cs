using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using StepOrders.Api.Access;

namespace StepOrders.Local.WebConsole;

/// <summary>
/// The web console: <c>GET /</c> serves its page and <c>GET /console/{file}</c> its scripts and styles, with no key
/// (the page asks for one and sends it as <c>x-api-key</c> on every API call); <c>GET /console/session</c> tells the
/// page who the key belongs to, so it shows admin views to admin keys only. The files are embedded in this assembly,
/// so the host serves them wherever it runs from.
/// </summary>
public static class ConsoleEndpoints
{
    public const string AssetPath = "/console";
    private const string ResourcePrefix = "StepOrders.Local.wwwroot";

    public static RouteGroupBuilder MapConsole(this IEndpointRouteBuilder routes)
    {
        var files = new EmbeddedFileProvider(typeof(ConsoleEndpoints).Assembly, ResourcePrefix);
        var assets = routes.CreateApplicationBuilder()
            .Use(next => context =>
            {
                // The static file middleware leaves requests that matched an endpoint alone; this one is the endpoint
                // (the pattern of MapFallbackToFile).
                context.SetEndpoint(null);
                return next(context);
            })
            .UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                RequestPath = AssetPath,
                // Revalidated on each load (a 304 when unchanged), so a new build is never hidden behind a cache.
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
            })
            .Build();

        var group = routes.MapGroup("").ExcludeFromDescription();
        group.MapGet("/", context =>
        {
            context.Request.Path = AssetPath + "/index.html";
            return assets(context);
        }).AllowAnonymous().WithName("Console");
        group.MapGet(AssetPath + "/{**file}", assets).AllowAnonymous().WithName("ConsoleAssets");
        group.MapGet(AssetPath + "/session", Session).RequireAuthorization().WithName("ConsoleSession");
        return group;
    }

    private static JsonHttpResult<ConsoleSession> Session(ApiCaller caller) =>
        TypedResults.Json(new ConsoleSession(caller.KeyName, caller.IsAdmin, caller.CustomerId), ConsoleJson.Default.ConsoleSession);
}
