using System.Text.Json.Serialization;

namespace StepOrders.Local.Queue;

/// <summary>The message ids a redrive names, passed to SQLite as one JSON array.</summary>
[JsonSerializable(typeof(long[]))]
internal sealed partial class QueueJson : JsonSerializerContext;
