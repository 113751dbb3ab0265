using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepOrders.Local.WebConsole;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConsoleSession))]
internal sealed partial class ConsoleJson : JsonSerializerContext;
