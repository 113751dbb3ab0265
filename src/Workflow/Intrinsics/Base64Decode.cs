using System.Text;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.Base64Decode(base64): the decoded bytes read as UTF-8 (AWS: at most 10,000 characters in).</summary>
internal sealed class Base64Decode : IIntrinsicFunction
{
    public string Name => "States.Base64Decode";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(1);
        var base64 = arguments.String(0);
        if (base64.Length > Base64Encode.MaxInputLength)
        {
            throw arguments.Invalid($"the input has {base64.Length} characters, more than the maximum of {Base64Encode.MaxInputLength}");
        }

        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        }
        catch (FormatException)
        {
            throw arguments.Invalid("the input is not valid Base64");
        }
    }
}
