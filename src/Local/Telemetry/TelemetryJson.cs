using System.Text.Json;
using System.Text.Json.Serialization;
using StepOrders.Local.Telemetry.Alarms;
using StepOrders.Local.Telemetry.Stats;

namespace StepOrders.Local.Telemetry;

/// <summary>Source-generated JSON for the telemetry endpoints and the alarm webhook, camelCase as the API writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlarmReport))]
[JsonSerializable(typeof(AlarmNotification))]
[JsonSerializable(typeof(StatsReport))]
internal sealed partial class TelemetryJson : JsonSerializerContext;
