namespace StepOrders.Chat.Internal.Understanding;

/// <summary>A message folded by <see cref="TextFolding"/> and cut into words of letters and digits.</summary>
internal sealed class FoldedText
{
    public FoldedText(string text)
    {
        Text = TextFolding.Fold(text);
        Words = CutIntoWords(Text);
        Spaced = " " + string.Join(' ', Words) + " ";
    }

    public string Text { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>The words joined by single spaces, with a space at each end, for phrase matching.</summary>
    public string Spaced { get; }

    private static List<string> CutIntoWords(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }
}
