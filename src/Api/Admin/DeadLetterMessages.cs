using StepOrders.Orders;

namespace StepOrders.Api.Admin;

public sealed record DeadLettersResponse(IReadOnlyList<DeadLetter> DeadLetters);

/// <summary>Which dead letters to redrive; none named means all.</summary>
public sealed record DeadLetterRedriveRequest(IReadOnlyList<string?>? MessageIds);

public sealed record DeadLetterRedriveResponse(int Redriven);
