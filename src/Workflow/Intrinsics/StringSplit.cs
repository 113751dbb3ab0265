using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// States.StringSplit(text, delimiters): the pieces between delimiter characters. As AWS records show,
/// every character of the second argument is a delimiter on its own (".+,=" splits on each of the
/// four) and empty pieces are dropped (",,,," gives []), like Java's StringTokenizer.
/// </summary>
internal sealed class StringSplit : IIntrinsicFunction
{
    public string Name => "States.StringSplit";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(2);
        var text = arguments.String(0);
        var delimiters = arguments.String(1);
        var pieces = new JsonArray();

        // string.Split with no separators would split on white space; no delimiters means one piece.
        var split = delimiters.Length == 0
            ? (text.Length == 0 ? [] : [text])
            : text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        foreach (var piece in split)
        {
            pieces.Add(JsonValue.Create(piece));
        }

        return pieces;
    }
}
