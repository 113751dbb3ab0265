using Microsoft.Extensions.Logging;

namespace StepOrders.Chat.Internal;

internal static partial class ChatLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "The chat model failed ({Failure}); the templates answer.")]
    public static partial void ModelFailed(ILogger logger, string failure, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The chat model's reply named {Count} order id(s) outside the customer's orders; the templates answer.")]
    public static partial void ReplyRejected(ILogger logger, int count);
}
