using System.Text;

namespace StepOrders.Api.Tests.FrontDoor;

/// <summary>
/// Request bodies for <c>POST /orders</c> or <c>POST /chatbot</c> that are wrong in every way a client or an attacker
/// can make them, drawn from a seeded random source: broken JSON, wrong types, numbers past every range, nesting past
/// the limit, invalid UTF-8 and UTF-16, random bytes, values the rules refuse. Each breaks a field the endpoint reads,
/// so every one is malformed (fields an endpoint does not know are ignored, by design).
/// </summary>
public sealed class MalformedBodies(int seed, bool chatbot)
{
    private static readonly string[] HugeNumbers =
        ["1e400", "-1e400", "99999999999999999999999999999999", "1.7976931348623157e309", "-1e308",
         "123456789012345678901234567890.123456789", "2147483648", "-2147483649", "1E+2147483647"];

    private static readonly string[] WrongValues = ["true", "false", "[]", "{}", "[1,2,3]", "{\"a\":1}", "-1", "0", "3.5"];

    private static readonly byte[][] InvalidUtf8 =
        [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80]];

    private readonly Random _random = new(seed);

    public byte[] Next() => _random.Next(10) switch
    {
        0 => Truncated(),
        1 => WithInvalidUtf8(),
        2 => WithWrongType(),
        3 => WithHugeNumber(),
        4 => DeeplyNested(),
        5 => RandomBytes(),
        6 => PunctuationSoup(),
        7 => WithLoneSurrogate(),
        8 => NotAnObject(),
        _ => RefusedByTheRules(),
    };

    /// <summary>A valid body, with one of the values it reads given as raw JSON.</summary>
    private string Valid(string customerId = "\"fuzz\"", string message = "\"Where is my order?\"", string quantity = "1", string unitPrice = "9.99") =>
        chatbot
            ? $$$"""{"message":{{{message}}},"customerId":{{{customerId}}},"conversationId":"c-1"}"""
            : $$$"""{"customerId":{{{customerId}}},"items":[{"sku":"SKU-1","quantity":{{{quantity}}},"unitPrice":{{{unitPrice}}}}],"currency":"EUR","shippingAddress":{"name":"A","line1":"1 Way","city":"Berlin","postalCode":"10115","country":"DE"}}""";

    private byte[] Truncated()
    {
        var json = Valid();
        return Encoding.UTF8.GetBytes(json[.._random.Next(1, json.Length - 1)]);
    }

    private byte[] WithInvalidUtf8()
    {
        var json = Encoding.UTF8.GetBytes(Valid());
        var at = _random.Next(json.Length);
        return [.. json[..at], .. InvalidUtf8[_random.Next(InvalidUtf8.Length)], .. json[at..]];
    }

    private byte[] WithWrongType()
    {
        var value = WrongValues[_random.Next(WrongValues.Length)];
        var asText = value is "-1" or "0" or "3.5" ? "\"two\"" : value;
        return Encoding.UTF8.GetBytes(_random.Next(2) == 0
            ? Valid(customerId: value)
            : chatbot ? Valid(message: value) : Valid(quantity: asText));
    }

    private byte[] WithHugeNumber()
    {
        var number = HugeNumbers[_random.Next(HugeNumbers.Length)];
        return Encoding.UTF8.GetBytes(chatbot
            ? Valid(message: number)
            : _random.Next(2) == 0 ? Valid(quantity: number) : Valid(unitPrice: number));
    }

    private byte[] DeeplyNested()
    {
        var depth = _random.Next(17, 5000);
        var nested = _random.Next(2) == 0
            ? new string('[', depth) + "\"deep\"" + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        return Encoding.UTF8.GetBytes(Valid(customerId: nested));
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 512)];
        _random.NextBytes(bytes);
        bytes[0] = (byte)"{[\"x\u00ff"[_random.Next(5)];
        return bytes;
    }

    private byte[] PunctuationSoup()
    {
        const string Tokens = "{}[]:,\"\\ 0-e.tfn";
        var soup = new StringBuilder("{");
        for (var i = _random.Next(1, 200); i > 0; i--)
        {
            soup.Append(Tokens[_random.Next(Tokens.Length)]);
        }
        return Encoding.UTF8.GetBytes(soup.Append(",}").ToString());
    }

    private byte[] WithLoneSurrogate()
    {
        var text = _random.Next(3) switch
        {
            0 => "\"where is \\uD800 it\"",
            1 => "\"\\uDFFF\\uD800\"",
            _ => "\"fuzz\\uDC00\"",
        };
        return Encoding.UTF8.GetBytes(chatbot && _random.Next(2) == 0 ? Valid(message: text) : Valid(customerId: text));
    }

    private byte[] NotAnObject() => Encoding.UTF8.GetBytes(_random.Next(5) switch
    {
        0 => "null",
        1 => "\"an order\"",
        2 => "42",
        3 => "[" + Valid() + "]",
        _ => "true",
    });

    /// <summary>Well-formed JSON of the right types that the rules refuse.</summary>
    private byte[] RefusedByTheRules() => Encoding.UTF8.GetBytes(chatbot
        ? _random.Next(3) switch
        {
            0 => Valid(message: "\"   \""),
            1 => Valid(message: "\"" + new string('x', 2001) + "\""),
            _ => """{"customerId":"fuzz"}""",
        }
        : _random.Next(3) switch
        {
            0 => Valid(customerId: "\" \""),
            1 => Valid(quantity: "-5"),
            _ => Valid(unitPrice: "0.001"),
        });
}
