namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// What intrinsic functions need from the execution: the source of randomness for
/// States.MathRandom and States.UUID (seed it in tests). <see cref="System.Random"/> is not thread-safe;
/// give each execution its own.
/// </summary>
internal sealed record IntrinsicContext(Random Random);
