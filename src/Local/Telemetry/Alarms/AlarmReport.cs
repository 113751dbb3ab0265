using System.Text.Json.Serialization;

namespace StepOrders.Local.Telemetry.Alarms;

/// <summary><c>GET /admin/alarms</c>: when the alarms were last evaluated, over what window, and each alarm.</summary>
internal sealed record AlarmReport(DateTimeOffset? EvaluatedAt, double WindowSeconds, double PeriodSeconds, IReadOnlyList<AlarmView> Alarms);

/// <summary>An alarm now: its state (OK or ALARM) since when, the last reading and why, its threshold, and its changes, newest first.</summary>
internal sealed record AlarmView(
    string Name, string Description, string State, DateTimeOffset Since, string Reason, double Value, double Threshold, IReadOnlyList<AlarmTransition> History);

internal sealed record AlarmTransition(DateTimeOffset At, string From, string To, string Reason);

/// <summary>What the webhook receives on a change of state: the fields of CloudWatch's alarm message to SNS, named as there.</summary>
internal sealed record AlarmNotification(
    [property: JsonPropertyName("AlarmName")] string AlarmName,
    [property: JsonPropertyName("AlarmDescription")] string AlarmDescription,
    [property: JsonPropertyName("NewStateValue")] string NewStateValue,
    [property: JsonPropertyName("OldStateValue")] string OldStateValue,
    [property: JsonPropertyName("NewStateReason")] string NewStateReason,
    [property: JsonPropertyName("StateChangeTime")] DateTimeOffset StateChangeTime);
