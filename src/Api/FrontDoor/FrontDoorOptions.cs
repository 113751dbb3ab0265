using Microsoft.Extensions.Configuration;

namespace StepOrders.Api.FrontDoor;

/// <summary>
/// The front door's settings: <c>Cors:Origins</c> (or <c>--cors-origin A,B</c>), the browser origins allowed to call
/// the API, none by default; and <c>FrontDoor:Enabled</c>, false only to measure what the front door costs
/// (<c>--no-front-door</c>, a benchmark aid: every request is then an admin's, unthrottled and unlogged); and the
/// access log's <see cref="AccessLogRotation"/>.
/// </summary>
public sealed class FrontDoorOptions
{
    public const string SectionName = "FrontDoor";
    public const string CorsOriginsKey = "Cors:Origins";
    public const string CorsOriginSwitch = "cors-origin";

    public bool Enabled { get; init; } = true;

    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    public AccessLogRotation AccessLog { get; init; } = AccessLogRotation.Default;

    public static FrontDoorOptions From(IConfiguration configuration)
    {
        var origins = configuration.GetSection(CorsOriginsKey).GetChildren().Select(child => child.Value)
            .Concat(configuration[CorsOriginsKey]?.Split(',') ?? [])
            .Concat(configuration[CorsOriginSwitch]?.Split(',') ?? [])
            .Select(origin => origin?.Trim().TrimEnd('/'))
            .Where(origin => !string.IsNullOrEmpty(origin))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                throw new InvalidOperationException($"The CORS origin '{origin}' is not an origin: write it as scheme://host[:port], e.g. https://shop.example.");
            }
        }
        return new FrontDoorOptions
        {
            Enabled = !bool.TryParse(configuration[$"{SectionName}:Enabled"], out var enabled) || enabled,
            CorsOrigins = origins!,
            AccessLog = AccessLogRotation.From(configuration),
        };
    }
}
