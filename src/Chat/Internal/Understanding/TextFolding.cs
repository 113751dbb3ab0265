using System.Globalization;
using System.Text;

namespace StepOrders.Chat.Internal.Understanding;

/// <summary>
/// Undoes the dress text can wear to slip past keyword and id matching: fullwidth forms, zero-width and
/// direction controls, combining marks, case and Latin accents. Hand-made because the build runs with
/// invariant globalization, where <see cref="string.Normalize()"/> does nothing.
/// </summary>
internal static class TextFolding
{
    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżžß";
    private const string Plain = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzzs";

    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var original in text)
        {
            var c = original switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(original - 0xFEE0),
                '\u3000' or '\u00A0' => ' ',
                _ => original,
            };
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            c = char.ToLowerInvariant(c);
            var accented = Accented.IndexOf(c, StringComparison.Ordinal);
            folded.Append(accented >= 0 ? Plain[accented] : c);
        }
        return folded.ToString();
    }
}
