using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Tests.Intrinsics;

/// <summary>Text that looks like an intrinsic call, or almost.</summary>
public sealed record IntrinsicText(string Text);

/// <summary>A well-formed call of a real intrinsic with arguments of any type and size, nested up to twice.</summary>
public sealed record IntrinsicCall(string Text);

public static class IntrinsicTexts
{
    private static readonly string[] Names =
    [
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition", "States.ArrayContains",
        "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique", "States.Base64Encode", "States.Base64Decode",
        "States.Hash", "States.JsonMerge", "States.MathRandom", "States.MathAdd", "States.StringSplit", "States.UUID",
    ];

    private static readonly string[] Pieces =
    [
        .. Names, "States.Nope", "(", ")", ",", " ", "'", "\\'", "\\\\", "\\{", "{}", "$", "$.a", "$.b[0]", "$$.Execution.Id", "$var", "1", "-1.5e3",
        "1e400", "true", "null", "'x'", "''", "\"", "💥", "\0",
    ];

    private static readonly Gen<string> Literal = Gen.Elements(
        "'a {} b {}'", "'{}'", "'\\{\\}'", "'MD5'", "'SHA-256'", "'SHA-512'", "'SGVsbG8='", "'not base64!'", "'{\"k\": [1, 2]}'", "'[1,'", "','",
        "''", "'" + new string('z', 3_000) + "'", "0", "1", "-1", "2", "1.5", "1e9", "-1e9", "1e300", "1e400", "2147483648", "true", "false", "null",
        "$", "$.a", "$.b", "$.c", "$.c.d", "$.b[0]", "$.b[2]", "$$.Execution.Input");

    public static Arbitrary<IntrinsicText> Texts() =>
        Gen.Elements(Pieces).ArrayOf().Select(pieces => new IntrinsicText(string.Concat(pieces))).ToArbitrary();

    public static Arbitrary<IntrinsicCall> Calls() => Call(2).Select(text => new IntrinsicCall(text)).ToArbitrary();

    private static Gen<string> Call(int depth) =>
        Gen.Elements(Names).SelectMany(
            _ => Gen.Choose(0, 4).SelectMany(count => Argument(depth).ArrayOf(count), (_, arguments) => arguments),
            (name, arguments) => $"{name}({string.Join(", ", arguments)})");

    private static Gen<string> Argument(int depth) => depth == 0 ? Literal : Gen.Frequency((4, Literal), (1, Call(depth - 1)));
}

public sealed class IntrinsicProperties
{
    /// <summary>The input the paths among the arguments read (paths that resolve: a missing one is the resolver's error, not the function's).</summary>
    private const string Input = """{"a": "text", "b": [1, "two", {"three": 3}, null], "c": {"d": [true]}}""";

    [Property(MaxTest = 5_000, Arbitrary = [typeof(IntrinsicTexts)])]
    public void Any_text_parses_to_a_call_or_fails_with_an_IntrinsicSyntaxException_alone(IntrinsicText text)
    {
        var thrown = Record.Exception(() => IntrinsicFunctions.Parse(text.Text));

        Assert.True(thrown is null or IntrinsicSyntaxException, $"{text.Text} threw {thrown}");
    }

    [Property(MaxTest = 5_000, Arbitrary = [typeof(IntrinsicTexts)])]
    public void A_call_with_arguments_of_any_type_answers_a_value_or_fails_with_States_Runtime_alone(IntrinsicCall call)
    {
        var thrown = Record.Exception(() => Intrinsic.Evaluate(call.Text, Input));

        Assert.True(thrown is null or IntrinsicFailureException, $"{call.Text} threw {thrown}");
    }
}
