namespace StepOrders.Chat;

/// <summary>
/// A customer's question to the order assistant. <see cref="CustomerId"/> comes from the caller (the API key's
/// customer binding, or an admin's explicit choice), never from the message text.
/// </summary>
public sealed record ChatQuestion(string Message, string CustomerId, string? ConversationId = null);
