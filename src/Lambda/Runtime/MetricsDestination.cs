namespace StepOrders.Lambda.Runtime;

/// <summary>
/// Where a function's Embedded Metric Format lines go: stdout, which Lambda sends to the function's log group, where
/// CloudWatch Logs extracts the metrics; and the stage (<c>STEPORDERS_STAGE</c>) they carry as their <c>Stage</c> dimension.
/// </summary>
internal sealed record MetricsDestination(string Stage, TextWriter Output);
