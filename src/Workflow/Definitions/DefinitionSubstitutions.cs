using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StepOrders.Workflow.Definitions;

/// <summary>
/// <c>${Name}</c> placeholders replaced before parsing, as CloudFormation's DefinitionSubstitutions do.
/// Values are JSON-escaped, so a value can never break out of the string it sits in.
/// Placeholders with no value are left as written.
/// </summary>
internal static partial class DefinitionSubstitutions
{
    public static string Apply(string definition, IReadOnlyDictionary<string, string>? substitutions)
    {
        if (substitutions is null || substitutions.Count == 0)
        {
            return definition;
        }

        return Placeholder().Replace(definition, match =>
            substitutions.TryGetValue(match.Groups[1].Value, out var value)
                ? JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()
                : match.Value);
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();
}
