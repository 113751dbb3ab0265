using System.Text;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// States.Format(template, values...): each "{}" in the template takes the next value, printed as
/// Java prints it (strings bare, null as "null", objects as "{a=1, b=[]}"). The template must hold
/// exactly as many "{}" as there are values; braces escaped as "\{" "\}" in a literal are plain text.
/// </summary>
internal sealed class Format : IIntrinsicFunction
{
    public string Name => "States.Format";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(1, int.MaxValue);
        var template = arguments.String(0);
        var placeholders = arguments.SyntaxOf(0) is StringLiteral literal
            ? literal.Placeholders
            : PlaceholdersIn(template);
        if (placeholders.Count != arguments.Count - 1)
        {
            throw arguments.Invalid(
                $"the template has {placeholders.Count} placeholder{(placeholders.Count == 1 ? string.Empty : "s")} '{{}}' but {arguments.Count - 1} value{(arguments.Count == 2 ? " was" : "s were")} given");
        }

        var text = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < placeholders.Count; i++)
        {
            text.Append(template, copied, placeholders[i] - copied);
            text.Append(JavaText.ToDisplayString(arguments[i + 1]));
            copied = placeholders[i] + 2;
        }

        text.Append(template, copied, template.Length - copied);
        return JsonValue.Create(text.ToString());
    }

    private static List<int> PlaceholdersIn(string template)
    {
        var offsets = new List<int>();
        for (var at = template.IndexOf("{}", StringComparison.Ordinal); at >= 0; at = template.IndexOf("{}", at + 2, StringComparison.Ordinal))
        {
            offsets.Add(at);
        }

        return offsets;
    }
}
