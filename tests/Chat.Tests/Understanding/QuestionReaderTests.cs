using StepOrders.Chat.Internal.Understanding;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests.Understanding;

public class QuestionReaderTests
{
    private static readonly OrderId Id = OrderId.New(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_order_id_in_a_sentence_is_found()
    {
        var reading = QuestionReader.Read($"Where is my order {Id}?");

        Assert.Equal([Id], reading.OrderIds);
        Assert.Equal(ChatIntent.Status, reading.Intent);
    }

    public static TheoryData<string> DressedIds => new()
    {
        Id.Value.ToLowerInvariant(),
        "ORD_" + Id.Value[4..],
        Id.Value.Replace("1", "l", StringComparison.Ordinal).Replace("0", "o", StringComparison.Ordinal),
        string.Concat(Id.Value.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c)),
        Id.Value.Insert(6, "\u200B").Insert(3, "\u200D"),
        $"({Id}).",
    };

    [Theory]
    [MemberData(nameof(DressedIds))]
    public void An_order_id_is_found_in_any_case_in_fullwidth_letters_with_crockford_look_alikes_or_zero_width_characters(string written)
    {
        Assert.Equal([Id], QuestionReader.Read($"status of {written}").OrderIds);
    }

    [Theory]
    [InlineData("ord_123")]
    [InlineData("ord_ZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("xord_01JNR3Y3Q8W1ZP2H3K4M5N6P7Q")]
    [InlineData("ord_01JNR3Y3Q8W1ZP2H3K4M5N6P7QX")]
    public void Text_that_only_looks_like_an_order_id_is_not_one(string text)
    {
        Assert.Empty(QuestionReader.Read(text).OrderIds);
    }

    [Fact]
    public void At_most_five_order_ids_are_read_from_one_message()
    {
        var ids = Enumerable.Range(0, 8).Select(i => OrderId.New(new DateTimeOffset(2026, 1, 1, 0, 0, i, TimeSpan.Zero))).ToList();

        Assert.Equal(ids.Take(5), QuestionReader.Read(string.Join(" and ", ids)).OrderIds);
    }

    [Fact]
    public void A_customer_id_in_the_message_is_not_read_at_all()
    {
        var reading = QuestionReader.Read("I am customer cust-bob, customerId=cust-bob, show my orders");

        Assert.Equal(ChatIntent.RecentOrders, reading.Intent);
        Assert.Equal(typeof(Reading).GetProperties().Select(p => p.Name).Order(),
            new[] { "Intent", "IntentStated", "Ordinal", "OrderIds", "Reference" }.Order());
    }

    public static TheoryData<string, string> Intents => new()
    {
        { "Where is my order?", nameof(ChatIntent.Status) },
        { "What's the status of my latest order?", nameof(ChatIntent.Status) },
        { "Can you track my parcel", nameof(ChatIntent.Status) },
        { "Show my recent orders", nameof(ChatIntent.RecentOrders) },
        { "list everything I bought", nameof(ChatIntent.RecentOrders) },
        { "Why did my last order fail?", nameof(ChatIntent.WhyFailed) },
        { "my payment was declined, what went wrong", nameof(ChatIntent.WhyFailed) },
        { "why?", nameof(ChatIntent.WhyFailed) },
        { "When will it ship?", nameof(ChatIntent.WhenShips) },
        { "when does my order arrive", nameof(ChatIntent.WhenShips) },
        { "Please cancel my order", nameof(ChatIntent.Cancel) },
        { "I don't want it anymore, call off the order", nameof(ChatIntent.Cancel) },
        { "help", nameof(ChatIntent.Help) },
        { "Hello!", nameof(ChatIntent.Help) },
        { "Wo ist meine Bestellung?", nameof(ChatIntent.Status) },
        { "Zeig mir alle meine Bestellungen", nameof(ChatIntent.RecentOrders) },
        { "Warum ist meine Bestellung fehlgeschlagen?", nameof(ChatIntent.WhyFailed) },
        { "Wann wird meine Bestellung geliefert?", nameof(ChatIntent.WhenShips) },
        { "Bitte stornieren Sie meine Bestellung", nameof(ChatIntent.Cancel) },
        { "Où en est ma commande ? Quel est son état", nameof(ChatIntent.Status) },
        { "Pourquoi ma commande a-t-elle échoué ?", nameof(ChatIntent.WhyFailed) },
        { "Quand ma commande sera-t-elle livrée ?", nameof(ChatIntent.WhenShips) },
        { "Je veux annuler ma commande", nameof(ChatIntent.Cancel) },
        { "¿Dónde está mi pedido?", nameof(ChatIntent.Status) },
        { "Muéstrame mis pedidos", nameof(ChatIntent.RecentOrders) },
        { "¿Cuándo llega mi pedido?", nameof(ChatIntent.WhenShips) },
        { "Quiero cancelar mi pedido", nameof(ChatIntent.Cancel) },
        { "Perché il mio ordine è fallito?", nameof(ChatIntent.WhyFailed) },
        { "Waarom is mijn bestelling mislukt?", nameof(ChatIntent.WhyFailed) },
        { "Где мой заказ?", nameof(ChatIntent.Status) },
        { "Почему мой заказ не прошёл? Ошибка оплаты", nameof(ChatIntent.WhyFailed) },
        { "Отмените мой заказ", nameof(ChatIntent.Cancel) },
        { "我的订单什么时候发货？", nameof(ChatIntent.WhenShips) },
        { "取消我的订单", nameof(ChatIntent.Cancel) },
        { "注文をキャンセルしたい", nameof(ChatIntent.Cancel) },
        { "注文が失敗したのはなぜですか", nameof(ChatIntent.WhyFailed) },
        { "ＣＡＮＣＥＬ my order", nameof(ChatIntent.Cancel) },
        { "can\u00ADcel my or\u200Bder", nameof(ChatIntent.Cancel) },
    };

    [Theory]
    [MemberData(nameof(Intents))]
    public void Intents_are_recognised_in_several_languages_and_spellings(string message, string intent)
    {
        Assert.Equal(Enum.Parse<ChatIntent>(intent), QuestionReader.Read(message).Intent);
    }

    [Fact]
    public void A_message_with_an_order_id_and_no_intent_words_asks_for_the_status_without_stating_it()
    {
        var reading = QuestionReader.Read(Id.Value);

        Assert.Equal(ChatIntent.Status, reading.Intent);
        Assert.False(reading.IntentStated);
    }

    [Theory]
    [InlineData("what about orders {0}")]
    [InlineData("help me with {0}")]
    public void Naming_an_order_turns_a_listing_or_a_plea_for_help_into_its_status(string message)
    {
        Assert.Equal(ChatIntent.Status, QuestionReader.Read(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, Id)).Intent);
    }

    [Theory]
    [InlineData("and the one before?", nameof(OrderReference.Previous), 0)]
    [InlineData("what about the previous order", nameof(OrderReference.Previous), 0)]
    [InlineData("und die davor?", nameof(OrderReference.Previous), 0)]
    [InlineData("and the next one?", nameof(OrderReference.Next), 0)]
    [InlineData("the second one", nameof(OrderReference.Ordinal), 2)]
    [InlineData("la troisième", nameof(OrderReference.Ordinal), 3)]
    [InlineData("my last order", nameof(OrderReference.Latest), 0)]
    [InlineData("mi último pedido", nameof(OrderReference.Latest), 0)]
    [InlineData("where is it", nameof(OrderReference.None), 0)]
    public void References_to_orders_without_their_ids_are_recognised(string message, string reference, int ordinal)
    {
        var reading = QuestionReader.Read(message);

        Assert.Equal(Enum.Parse<OrderReference>(reference), reading.Reference);
        Assert.Equal(ordinal, reading.Ordinal);
    }
}
