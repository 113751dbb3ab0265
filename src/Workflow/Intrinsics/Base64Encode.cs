using System.Text;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.Base64Encode(text): the UTF-8 bytes of the text in Base64 (AWS: at most 10,000 characters in).</summary>
internal sealed class Base64Encode : IIntrinsicFunction
{
    public const int MaxInputLength = 10_000;

    public string Name => "States.Base64Encode";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(1);
        var text = arguments.String(0);
        if (text.Length > MaxInputLength)
        {
            throw arguments.Invalid($"the input has {text.Length} characters, more than the maximum of {MaxInputLength}");
        }

        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }
}
