namespace StepOrders.Orders;

/// <summary>A capture for an order; <see cref="Attempt"/> counts the workflow's retries of the payment step, from 0.</summary>
public sealed record PaymentRequest(OrderId OrderId, Money Amount, string Token, int Attempt);
