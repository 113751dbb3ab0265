using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StepOrders.Local.Telemetry.Alarms;

/// <summary>
/// POSTs each alarm state change as JSON to the <c>--alarm-webhook</c> URL, in order, off the evaluating thread: the
/// local stand-in for the alarms' SNS topic. A delivery that fails is logged, not retried.
/// </summary>
internal sealed partial class AlarmWebhook(AlarmOptions options, ILogger<AlarmWebhook> logger) : BackgroundService
{
    private readonly Channel<AlarmNotification> _pending = Channel.CreateUnbounded<AlarmNotification>(new UnboundedChannelOptions { SingleReader = true });

    public void Notify(AlarmNotification notification) => _pending.Writer.TryWrite(notification);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await foreach (var notification in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var response = await http.PostAsJsonAsync(options.Webhook, notification, TelemetryJson.Default.AlarmNotification, stoppingToken);
                if (!response.IsSuccessStatusCode)
                {
                    LogRefused(notification.AlarmName, (int)response.StatusCode);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e, notification.AlarmName);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The alarm webhook answered {Status} to the change of {AlarmName}")]
    private partial void LogRefused(string alarmName, int status);

    [LoggerMessage(LogLevel.Warning, "The alarm webhook could not be reached for the change of {AlarmName}")]
    private partial void LogFailed(Exception exception, string alarmName);
}
