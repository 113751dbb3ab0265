namespace StepOrders.Chat;

/// <summary>Who wrote a reply, as the <c>source</c> field of <c>POST /chatbot</c> says it.</summary>
public static class ChatSource
{
    public const string Model = "model";
    public const string Template = "template";
}
