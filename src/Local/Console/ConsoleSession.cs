namespace StepOrders.Local.WebConsole;

/// <summary>Who the console's key belongs to: its name, whether it is an admin key, the customer it is bound to.</summary>
public sealed record ConsoleSession(string KeyName, bool Admin, string? CustomerId);
