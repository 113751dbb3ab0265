namespace StepOrders.Orders;

/// <summary>One reason an order was rejected, naming the field as the client sent it (e.g. <c>items[2].quantity</c>).</summary>
public sealed record FieldError(string Field, string Message);
