namespace StepOrders.Lambda.Runtime;

/// <summary>
/// Error types of the runtime itself, in the <c>Category.Reason</c> form the runtime API recommends for
/// <c>Lambda-Runtime-Function-Error-Type</c> (e.g. its own example <c>Runtime.NoSuchHandler</c>).
/// </summary>
internal static class RuntimeErrors
{
    /// <summary><c>_HANDLER</c> names no declared function.</summary>
    public const string NoSuchHandler = "Runtime.NoSuchHandler";

    /// <summary>The function's dependencies could not be built (a missing setting or adapter).</summary>
    public const string ConfigInvalid = "Runtime.ConfigInvalid";

    /// <summary>The event is not of the shape the function's trigger sends.</summary>
    public const string InvalidEvent = "Runtime.InvalidEvent";
}
