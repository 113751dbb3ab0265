using StepOrders.Orders;

namespace StepOrders.Chat;

/// <summary>The outcome of a question: an answer, or the fields of the question that break the rules.</summary>
public sealed record ChatResult(ChatAnswer? Answer, IReadOnlyList<FieldError> Errors)
{
    public bool IsAnswered => Answer is not null;

    public static ChatResult Answered(ChatAnswer answer) => new(answer, []);

    public static ChatResult Rejected(IReadOnlyList<FieldError> errors) => new(null, errors);
}
