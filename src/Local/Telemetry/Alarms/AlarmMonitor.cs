using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StepOrders.Local.Telemetry.Metrics;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Local.Telemetry.Alarms;

/// <summary>
/// Evaluates every <see cref="AlarmRule"/> each period on the host's clock, over the window's increase of the
/// collected metrics. Each alarm is OK or ALARM; a change of state is kept in the alarm's history, logged once, and
/// POSTed to the webhook when one is configured. <c>GET /admin/alarms</c> shows <see cref="Report"/>.
/// </summary>
internal sealed partial class AlarmMonitor(
    MetricCollector collector, AlarmOptions options, TimeProvider clock, ILogger<AlarmMonitor> logger, AlarmWebhook? webhook = null)
    : IHostedService, IDisposable
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";

    private const int HistoryLength = 50;

    private readonly Lock _gate = new();
    private readonly List<MetricSample> _samples = [];
    private readonly Dictionary<string, AlarmView> _alarms = AlarmRule.All.ToDictionary(
        rule => rule.Name, rule => new AlarmView(rule.Name, rule.Description, Ok, clock.GetUtcNow(), "Not evaluated yet.", 0, rule.Threshold, []));
    private DateTimeOffset? _evaluatedAt;
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Evaluate();
        _timer = clock.CreateTimer(_ => Evaluate(), null, options.Period, options.Period);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }

    public AlarmReport Report()
    {
        lock (_gate)
        {
            return new AlarmReport(_evaluatedAt, options.Window.TotalSeconds, options.Period.TotalSeconds, [.. AlarmRule.All.Select(rule => _alarms[rule.Name])]);
        }
    }

    /// <summary>One evaluation of every rule at the clock's time (the timer's callback; tests call it through the clock).</summary>
    public void Evaluate()
    {
        try
        {
            var families = collector.Collect();
            var now = clock.GetUtcNow();
            var sample = MetricSample.From(now, families);
            var deadLetters = MetricSample.Family(families, OrderMetrics.Names.DeadLetters)?.Total() ?? 0;
            lock (_gate)
            {
                _samples.Add(sample);
                // The window starts at the last sample taken at least a window ago (or the first, while younger).
                var start = _samples.FindLastIndex(earlier => earlier.At <= now - options.Window);
                _samples.RemoveRange(0, Math.Max(0, start));
                var inputs = new AlarmInputs(sample.Since(_samples[0]), deadLetters, options.Window);
                foreach (var rule in AlarmRule.All)
                {
                    Apply(rule, rule.Read(inputs), now);
                }
                _evaluatedAt = now;
            }
        }
#pragma warning disable CA1031 // A failed evaluation (the database busy, say) must not end the timer or the process; the next one tries again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogEvaluationFailed(e);
        }
    }

    private void Apply(AlarmRule rule, AlarmReading reading, DateTimeOffset now)
    {
        var current = _alarms[rule.Name];
        var state = reading.Breaching ? Alarm : Ok;
        if (state == current.State)
        {
            _alarms[rule.Name] = current with { Reason = reading.Reason, Value = reading.Value };
            return;
        }
        var transition = new AlarmTransition(now, current.State, state, reading.Reason);
        _alarms[rule.Name] = current with
        {
            State = state,
            Since = now,
            Reason = reading.Reason,
            Value = reading.Value,
            History = [transition, .. current.History.Take(HistoryLength - 1)],
        };
        if (state == Alarm)
        {
            LogAlarm(rule.Name, current.State, state, reading.Reason);
        }
        else
        {
            LogOk(rule.Name, current.State, state, reading.Reason);
        }
        webhook?.Notify(new AlarmNotification(rule.Name, rule.Description, state, current.State, reading.Reason, now));
    }

    [LoggerMessage(LogLevel.Warning, "Alarm {AlarmName} went from {OldState} to {NewState}: {Reason}")]
    private partial void LogAlarm(string alarmName, string oldState, string newState, string reason);

    [LoggerMessage(LogLevel.Information, "Alarm {AlarmName} went from {OldState} to {NewState}: {Reason}")]
    private partial void LogOk(string alarmName, string oldState, string newState, string reason);

    [LoggerMessage(LogLevel.Error, "Evaluating the alarms failed; the next period tries again")]
    private partial void LogEvaluationFailed(Exception exception);
}
