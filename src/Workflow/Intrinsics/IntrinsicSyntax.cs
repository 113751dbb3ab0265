namespace StepOrders.Workflow.Intrinsics;

// The syntax tree of one intrinsic function call (ASL: Intrinsic Functions). Position is the
// zero-based offset of the node in the expression text, kept so that errors can say where.
internal abstract record IntrinsicArgument(int Position);

internal sealed record FunctionCall(string Name, IReadOnlyList<IntrinsicArgument> Arguments, int Position)
    : IntrinsicArgument(Position);

// Placeholders are the offsets in Value of the "{}" pairs written without escapes: an escaped
// "\{\}" is literal text, not a States.Format placeholder.
internal sealed record StringLiteral(string Value, IReadOnlyList<int> Placeholders, int Position)
    : IntrinsicArgument(Position);

internal sealed record NumberLiteral(string Text, int Position) : IntrinsicArgument(Position);

internal sealed record BooleanLiteral(bool Value, int Position) : IntrinsicArgument(Position);

internal sealed record NullLiteral(int Position) : IntrinsicArgument(Position);

// A reference path: "$.a.b", "$$.Execution.Input", or a variable "$name.field" (ASL 2024 variables).
internal sealed record PathArgument(string Path, int Position) : IntrinsicArgument(Position);
