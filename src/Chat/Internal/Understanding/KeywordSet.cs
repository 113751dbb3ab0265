namespace StepOrders.Chat.Internal.Understanding;

/// <summary>
/// Words that signal one meaning, in several languages. A keyword is a whole word (<c>status</c>), a word prefix
/// (<c>ship*</c> for ships, shipped, shipping), a phrase of whole words (<c>went wrong</c>), or, for scripts written
/// without spaces (Chinese, Japanese), a fragment found anywhere (<c>发货</c>).
/// </summary>
internal sealed class KeywordSet
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];
    private readonly List<string> _phrases = [];
    private readonly List<string> _fragments = [];

    public KeywordSet(params string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            var folded = TextFolding.Fold(keyword);
            if (folded.Any(c => c >= '\u2E80'))
            {
                _fragments.Add(folded);
            }
            else if (folded.EndsWith('*'))
            {
                _prefixes.Add(folded[..^1]);
            }
            else if (folded.Contains(' ', StringComparison.Ordinal))
            {
                _phrases.Add(" " + folded + " ");
            }
            else
            {
                _words.Add(folded);
            }
        }
    }

    public bool Matches(FoldedText text) =>
        text.Words.Any(word => _words.Contains(word) || _prefixes.Any(prefix => word.StartsWith(prefix, StringComparison.Ordinal)))
        || _phrases.Any(phrase => text.Spaced.Contains(phrase, StringComparison.Ordinal))
        || _fragments.Any(fragment => text.Text.Contains(fragment, StringComparison.Ordinal));
}
