namespace StepOrders.Chat.Internal.Understanding;

/// <summary>
/// The words each intent and reference is recognised by: English, German, French, Spanish, Italian, Dutch,
/// Portuguese, Russian, Chinese and Japanese. Written without accents, as <see cref="TextFolding"/> leaves them.
/// </summary>
internal static class Keywords
{
    public static readonly KeywordSet Cancel = new(
        "cancel*", "call off", "dont want", "do not want", "abort*",
        "stornier*", "storno", "abbestell*", "annul*", "anul*", "cancelar", "cancela", "annuleer*", "отмен*",
        "取消", "キャンセル");

    public static readonly KeywordSet Failure = new(
        "fail*", "declin*", "reject*", "error*", "wrong", "problem*", "refus*",
        "fehlgeschlagen", "gescheitert", "fehler*", "abgelehnt", "echou*", "echec", "erreur*",
        "fallo", "fallado", "fallida", "rechaz*", "fallit*", "errore", "rifiutat*", "mislukt", "fout*", "geweigerd",
        "falhou", "falha*", "recusad*", "ошибк*", "неудач*", "отклон*", "сбой",
        "失败", "错误", "失敗", "エラー");

    public static readonly KeywordSet Shipping = new(
        "ship*", "deliver*", "arriv*", "dispatch*", "eta", "get it", "receive*", "postage", "courier",
        "versand*", "versend*", "verschick*", "liefer*", "ankommen", "zustell*", "expedi*", "livr*", "envoy*",
        "envi*", "entreg*", "llega*", "spedi*", "consegn*", "verzend*", "verzonden", "bezorg*", "chega*",
        "достав*", "отправ*", "придет", "получу",
        "发货", "送达", "配送", "到货", "快递", "発送", "届");

    public static readonly KeywordSet RecentOrders = new(
        "orders", "purchases", "list*", "history", "all", "overview", "everything",
        "bestellungen", "alle", "liste", "ubersicht", "verlauf", "commandes", "toutes", "tous", "historique",
        "pedidos", "ordenes", "todos", "todas", "lista", "historial", "ordini", "tutti", "elenco", "cronologia",
        "bestellingen", "lijst", "overzicht", "historico", "заказы", "заказов", "все", "список", "истори*",
        "所有", "历史", "列表", "履歴", "一覧", "全部");

    public static readonly KeywordSet Status = new(
        "status", "where", "track*", "progress", "state", "happen*", "update*", "how is", "check",
        "wo", "stand", "verfolg*", "zustand", "statut", "etat", "ou en est", "suivi", "suivre",
        "estado", "donde", "seguimiento", "rastre*", "stato", "dove", "traccia*", "waar", "volg*",
        "onde", "situacao", "статус", "где", "состояни*", "отслед*",
        "状态", "在哪", "进度", "物流", "状況", "ステータス", "どこ", "状態");

    public static readonly KeywordSet Help = new(
        "help", "what can you do", "how does this work", "hello", "hi", "hey", "menu",
        "hilfe", "hallo", "was kannst du", "aide", "bonjour", "salut", "ayuda", "hola", "aiuto", "ciao",
        "hulp", "ajuda", "ola", "помощ*", "помоги*", "привет",
        "帮助", "你好", "ヘルプ", "助けて", "こんにちは");

    /// <summary>"Why" alone leans towards a failure, but a stated failure or another intent wins.</summary>
    public static readonly KeywordSet Why = new(
        "why", "warum", "wieso", "pourquoi", "por que", "porque", "perche", "waarom", "почему",
        "为什么", "なぜ", "どうして");

    /// <summary>"When" alone leans towards shipping, but a stated intent wins.</summary>
    public static readonly KeywordSet When = new(
        "when", "wann", "quand", "cuando", "quando", "wanneer", "когда", "什么时候", "何时", "いつ");

    public static readonly KeywordSet Latest = new(
        "last", "latest", "newest", "most recent", "recent", "letzte*", "neueste*", "dernier*", "ultimo", "ultima",
        "laatste", "nieuwste", "последн*", "最新", "最后", "最近");

    public static readonly KeywordSet Previous = new(
        "previous", "prior", "earlier", "older", "one before", "before that", "before this", "the one before",
        "vorherige*", "davor", "vorige*", "precedent*", "anterior*", "eerdere", "предыдущ*", "上一个", "前の");

    public static readonly KeywordSet Next = new(
        "next", "newer", "later one", "one after", "after that", "nachste*", "danach", "suivant*", "siguiente",
        "successivo", "volgende", "следующ*", "下一个", "次の");

    /// <summary>Ordinal words, first to fifth, pointing into the last list of orders the conversation showed.</summary>
    public static readonly KeywordSet[] Ordinals =
    [
        new("first", "1st", "erste*", "premier*", "primer*", "prima", "primo", "eerste", "перв*"),
        new("second", "2nd", "zweite*", "deuxieme", "segund*", "seconda", "secondo", "tweede", "втор*"),
        new("third", "3rd", "dritte*", "troisieme", "tercer*", "terza", "terzo", "derde", "трет*"),
        new("fourth", "4th", "vierte*", "quatrieme", "cuart*", "quarta", "quarto", "vierde", "четверт*"),
        new("fifth", "5th", "funfte*", "cinquieme", "quint*", "vijfde", "пят*"),
    ];
}
