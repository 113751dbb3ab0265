using System.Text.RegularExpressions;
using StepOrders.Orders;

namespace StepOrders.Chat.Internal.Understanding;

/// <summary>
/// Understands a question offline and deterministically: the order ids it names, its intent by keywords in
/// several languages, and references such as "my last order" or "the one before". It never looks for a customer:
/// whose orders are read is the caller's decision.
/// </summary>
internal static partial class QuestionReader
{
    /// <summary>More ids than this in one message are ignored, so a message cannot make the assistant load many orders.</summary>
    public const int MaxOrderIds = 5;

    public static Reading Read(string message)
    {
        var text = new FoldedText(message);
        var ids = FindOrderIds(text.Text);
        var (intent, stated) = FindIntent(text, ids.Count > 0);
        var (reference, ordinal) = FindReference(text);
        return new Reading(intent, stated, ids, reference, ordinal);
    }

    /// <summary>
    /// The well-formed order ids in text already folded: Crockford base32 is read case-insensitively, with I and L
    /// for 1 and O for 0 (Crockford's decoding rules), so an id typed from a printout still matches.
    /// </summary>
    public static IReadOnlyList<OrderId> FindOrderIds(string foldedText)
    {
        var ids = new List<OrderId>();
        foreach (Match match in OrderIdPattern().Matches(foldedText))
        {
            if (OrderId.TryParse("ord_" + CrockfordUpper(match.Groups[1].Value), out var id) && !ids.Contains(id))
            {
                ids.Add(id);
                if (ids.Count == MaxOrderIds)
                {
                    break;
                }
            }
        }
        return ids;
    }

    /// <summary>Base32 text as an order id writes it: upper case, with Crockford's I and L read as 1 and O as 0.</summary>
    public static string CrockfordUpper(string text) =>
        text.ToUpperInvariant().Replace('I', '1').Replace('L', '1').Replace('O', '0');

    private static (ChatIntent Intent, bool Stated) FindIntent(FoldedText text, bool namesOrders)
    {
        if (Keywords.Cancel.Matches(text))
        {
            return (ChatIntent.Cancel, true);
        }
        if (Keywords.Failure.Matches(text))
        {
            return (ChatIntent.WhyFailed, true);
        }
        if (Keywords.Shipping.Matches(text))
        {
            return (ChatIntent.WhenShips, true);
        }
        if (Keywords.RecentOrders.Matches(text))
        {
            // "the status of orders ord_A and ord_B" is about those orders, not a listing.
            return (namesOrders ? ChatIntent.Status : ChatIntent.RecentOrders, true);
        }
        if (Keywords.Status.Matches(text))
        {
            return (ChatIntent.Status, true);
        }
        if (Keywords.Why.Matches(text))
        {
            return (ChatIntent.WhyFailed, true);
        }
        if (Keywords.When.Matches(text))
        {
            return (ChatIntent.WhenShips, true);
        }
        if (Keywords.Help.Matches(text))
        {
            return (namesOrders ? ChatIntent.Status : ChatIntent.Help, true);
        }
        return (namesOrders ? ChatIntent.Status : ChatIntent.Help, false);
    }

    private static (OrderReference Reference, int Ordinal) FindReference(FoldedText text)
    {
        if (Keywords.Previous.Matches(text))
        {
            return (OrderReference.Previous, 0);
        }
        if (Keywords.Next.Matches(text))
        {
            return (OrderReference.Next, 0);
        }
        for (var i = 0; i < Keywords.Ordinals.Length; i++)
        {
            if (Keywords.Ordinals[i].Matches(text))
            {
                return (OrderReference.Ordinal, i + 1);
            }
        }
        return Keywords.Latest.Matches(text) ? (OrderReference.Latest, 0) : (OrderReference.None, 0);
    }

    [GeneratedRegex("(?<![0-9a-z])ord_([0-9a-z]{26})(?![0-9a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex OrderIdPattern();
}
