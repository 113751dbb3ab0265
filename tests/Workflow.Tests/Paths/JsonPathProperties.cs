using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.Tests.Paths;

/// <summary>Text that looks like a reference path, or almost: pieces of JSONPath glued at random.</summary>
public sealed record PathText(string Text);

public static class PathTexts
{
    private static readonly string[] Pieces =
    [
        "$", "$$", "$.", ".", "..", "a", "b1", "_x", "[", "]", "[0]", "[-1]", "[99999999999999999999]", "[*]", "*", "['a']", "[\"b\"]",
        "'", "\"", "\\", "?(", "@", ")", "(", ",", ":", "[1:2]", "[0,1]", "$var", "$var.x", "$$.Execution.Input", "States.Format(", " ",
        "\u00e9", "💥", "\0", "{", "}", "a.b.c", "length()", "[?(@.a > 1)]", "$[", "$..", "$.a[",
    ];

    public static Arbitrary<PathText> Paths() =>
        Gen.Elements(Pieces).ArrayOf().Select(pieces => new PathText(string.Concat(pieces))).ToArbitrary();
}

public sealed class JsonPathProperties
{
    [Property(MaxTest = 5_000, Arbitrary = [typeof(PathTexts)])]
    public void Any_text_parses_to_a_path_or_fails_with_a_JsonPathSyntaxException_alone(PathText text)
    {
        Exception? thrown = null;
        try
        {
            JsonPath.Parse(text.Text);
        }
        catch (JsonPathSyntaxException)
        {
        }
        catch (Exception e)
        {
            thrown = e;
        }

        Assert.Null(thrown);
        Assert.Equal(JsonPath.TryParse(text.Text, out _, out var problem), problem is null);
    }
}
