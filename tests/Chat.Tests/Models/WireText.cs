using System.Text.Json;

namespace StepOrders.Chat.Tests.Models;

/// <summary>Reads text out of the Messages API's content, which is either a string or a list of text blocks.</summary>
public static class WireText
{
    public static string Of(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Where(block => block.GetProperty("type").GetString() == "text").Select(block => block.GetProperty("text").GetString()));
}
