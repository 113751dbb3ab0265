using System.Text.Json;

namespace StepOrders.Workflow.Tests.Intrinsics;

public class StringSplitTests
{
    [Theory]
    [InlineData("1,2,3,4,5", ",", """["1","2","3","4","5"]""")]
    [InlineData("This.is+a,test=string", ".+,=", """["This","is","a","test","string"]""")]
    [InlineData(", , ,", ",", """[" "," "]""")]
    [InlineData(",,,,", ",", "[]")]
    [InlineData(" ", ",", """[" "]""")]
    [InlineData("split on T and \nnew line", "T\n", """["split on "," and ","new line"]""")]
    [InlineData("a b", "", """["a b"]""")]
    [InlineData("", ",", "[]")]
    public void Every_delimiter_character_splits_and_empty_pieces_are_dropped(string text, string delimiters, string expected) =>
        Intrinsic.AssertJson(
            expected,
            Intrinsic.Evaluate("States.StringSplit($.s, $.d)", JsonSerializer.Serialize(new { s = text, d = delimiters })));
}
