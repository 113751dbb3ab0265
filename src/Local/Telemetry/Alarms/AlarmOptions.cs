using Microsoft.Extensions.Configuration;

namespace StepOrders.Local.Telemetry.Alarms;

/// <summary>
/// How the in-process alarms run: <c>Alarms:Window</c> (5 minutes, as the CloudWatch alarms' period),
/// <c>Alarms:Period</c> (how often they are evaluated, 10 s), and <c>--alarm-webhook URL</c> (or
/// <c>Alarms:Webhook</c>), where each state change is POSTed, as SNS would deliver it.
/// </summary>
internal sealed class AlarmOptions
{
    public const string WebhookSwitch = "alarm-webhook";

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(10);

    public Uri? Webhook { get; init; }

    public static AlarmOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Alarms");
        var webhook = configuration[WebhookSwitch] ?? section["Webhook"];
        if (webhook is { Length: > 0 } && (!Uri.TryCreate(webhook, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"--{WebhookSwitch} '{webhook}' is not an http(s) URL.");
        }
        var defaults = new AlarmOptions();
        return new AlarmOptions
        {
            Window = TimeSpan.TryParse(section["Window"], System.Globalization.CultureInfo.InvariantCulture, out var window) && window > TimeSpan.Zero ? window : defaults.Window,
            Period = TimeSpan.TryParse(section["Period"], System.Globalization.CultureInfo.InvariantCulture, out var period) && period > TimeSpan.Zero ? period : defaults.Period,
            Webhook = webhook is { Length: > 0 } ? new Uri(webhook) : null,
        };
    }
}
