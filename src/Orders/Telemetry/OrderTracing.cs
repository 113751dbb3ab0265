using System.Diagnostics;

namespace StepOrders.Orders.Telemetry;

/// <summary>
/// The <c>StepOrders</c> ActivitySource and the W3C trace context an order carries from the API request through the
/// queue message (<see cref="OrderQueued.TraceParent"/>) into its execution (<see cref="OrderWorkflowInput.TraceParent"/>)
/// and each step, so one order is one trace.
/// </summary>
public static class OrderTracing
{
    public const string SourceName = "StepOrders";

    // The one static here, as .NET expects of an ActivitySource: listeners find it by name, and it keeps no state of ours.
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The context a <c>traceparent</c> names (W3C Trace Context), or default when there is none or it is malformed.</summary>
    public static ActivityContext ParentFrom(string? traceParent) =>
        ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var context) ? context : default;

    /// <summary>The <c>traceparent</c> of the activity, for a message or an execution input to carry on.</summary>
    public static string? TraceParentOf(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;
}
