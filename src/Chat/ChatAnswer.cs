namespace StepOrders.Chat;

/// <summary>
/// The assistant's reply, the ids of the customer's orders it speaks about, which of
/// <see cref="ChatSource.Model"/> or <see cref="ChatSource.Template"/> wrote it, and the conversation to continue.
/// </summary>
public sealed record ChatAnswer(string Reply, IReadOnlyList<string> OrderIds, string Source, string ConversationId);
