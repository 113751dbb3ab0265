using System.Text.RegularExpressions;
using StepOrders.Chat.Internal.Grounding;
using StepOrders.Chat.Internal.Understanding;
using StepOrders.Orders;

namespace StepOrders.Chat.Internal.Replies;

/// <summary>
/// Checks a model's reply before anyone sees it: every order id in it, and every bare 26-character ULID, must be one
/// of the context's orders. The reply is folded first, so fullwidth letters or zero-width characters hide nothing.
/// </summary>
internal static partial class ReplyGuard
{
    public static GuardedReply Check(string? reply, OrderContext context)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return GuardedReply.Rejected(0);
        }
        var known = context.Orders.ToDictionary(order => order.Id.Value["ord_".Length..], order => order.Id, StringComparer.Ordinal);
        var folded = TextFolding.Fold(reply);
        var mentioned = new List<OrderId>();
        var strangers = 0;
        foreach (Match match in IdLike().Matches(folded))
        {
            var ulid = QuestionReader.CrockfordUpper(match.Groups["ulid"].Value);
            var prefixed = match.Groups["prefix"].Success;
            if (known.TryGetValue(ulid, out var id))
            {
                if (!mentioned.Contains(id))
                {
                    mentioned.Add(id);
                }
            }
            else if (prefixed || LooksLikeUlid(ulid))
            {
                strangers++;
            }
        }
        return strangers > 0 ? GuardedReply.Rejected(strangers) : new GuardedReply(reply.Trim(), mentioned, 0);
    }

    /// <summary>A ULID's first base32 digit holds 3 bits, so it is 0 to 7; the rest are Crockford digits.</summary>
    private static bool LooksLikeUlid(string text) =>
        text.Length == 26 && text[0] <= '7' && text.All(c => c is >= '0' and <= '9' || (c is >= 'A' and <= 'Z' && c is not ('I' or 'L' or 'O' or 'U')));

    [GeneratedRegex("(?<![0-9a-z])(?:(?<prefix>ord_)(?<ulid>[0-9a-z]+)|(?<ulid>[0-9a-z]{26}))(?![0-9a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdLike();
}

/// <summary>A reply that passed the guard with the orders it names, or a rejection counting the ids that did not belong.</summary>
internal sealed record GuardedReply(string? Text, IReadOnlyList<OrderId> OrderIds, int Strangers)
{
    public bool IsAccepted => Text is not null;

    public static GuardedReply Rejected(int strangers) => new(null, [], strangers);
}
