using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StepOrders.Api.FrontDoor;

/// <summary>
/// Headers every response carries, the console's pages foremost (OWASP Secure Headers): a content security policy
/// that lets a page load only this origin's scripts, styles and data and be framed by no one, no MIME sniffing, and
/// no referrer sent away. Set when the response starts, so error responses written after a reset keep them.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
