using System.Text;
using System.Text.Json.Nodes;

namespace StepOrders.Crash.Fuzz;

/// <summary>
/// Request bodies a hostile or broken client sends, drawn from one seeded source: valid requests with one part
/// broken (a wrong type, a missing or unknown field, a huge or odd number, a long or strange string), random JSON,
/// deeply nested or huge documents, truncated JSON, invalid UTF-8, random bytes.
/// </summary>
internal sealed class HostileBodies(Random random)
{
    private static readonly string[] Strange =
    [
        "", " ", "null", "\u0000", "\uFFFD", "💥🧾", "ord_", "ord_01ZZZZZZZZZZZZZZZZZZZZZZZZ", "'; DROP TABLE orders; --", "../../etc/passwd",
        "tok_", "tok_decline", "SKU-OUT", "EUR", "eur", "JPY", "XXX", "GB", "gb", "$.orderId", "States.Format('{}', $)", "\\u0000", "\"", "{}", "[]",
        "1e999", "-0", "NaN", "Infinity", "true",
    ];

    /// <summary>A body for <paramref name="valid"/>'s endpoint: most often that valid body with something broken.</summary>
    public byte[] Next(JsonNode valid) => random.Next(20) switch
    {
        < 11 => Utf8(Mutate(valid.DeepClone(), random.Next(1, 4)).ToJsonString()),
        11 => Utf8(RandomJson(random.Next(0, 5))?.ToJsonString() ?? "null"),
        12 => DeepNesting(random.Next(2, 5) switch { 2 => 70, 3 => 5_000, _ => 40_000 }),
        13 => Utf8(Replace(valid.DeepClone(), JsonValue.Create(new string((char)random.Next('a', 'z'), random.Next(1_000, 100_000)))).ToJsonString()),
        14 => Truncated(Utf8(valid.ToJsonString())),
        15 => InvalidUtf8(Utf8(valid.ToJsonString())),
        16 => RandomBytes(random.Next(0, 2_000)),
        17 => Utf8(Replace(valid.DeepClone(), HugeNumber()).ToJsonString()),
        18 => ManyFields(valid.DeepClone()),
        _ => random.Next(3) switch { 0 => [], 1 => "null"u8.ToArray(), _ => Utf8(valid.ToJsonString() + valid.ToJsonString()) },
    };

    public string RandomString() => random.Next(4) switch
    {
        0 => Strange[random.Next(Strange.Length)],
        1 => new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(32, 0x2FF)).ToArray()),
        2 => new string('x', random.Next(200, 5_000)),
        _ => Guid.NewGuid().ToString("N")[..random.Next(1, 32)],
    };

    /// <summary>A header value: printable ASCII only (a client may send no other), sometimes empty or long.</summary>
    public string RandomHeader() => random.Next(4) switch
    {
        0 => "",
        1 => new string('k', random.Next(200, 400)),
        _ => new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(32, 127)).ToArray()),
    };

    private JsonNode Mutate(JsonNode node, int times)
    {
        for (var i = 0; i < times; i++)
        {
            node = Replace(node, random.Next(3) == 0 ? null : RandomJson(random.Next(0, 3)));
        }
        return node;
    }

    /// <summary>Puts <paramref name="value"/> at a random place in <paramref name="root"/> (or removes a field when null).</summary>
    private JsonNode Replace(JsonNode root, JsonNode? value)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var target = containers[random.Next(containers.Count)];
        if (target is JsonObject obj)
        {
            var names = obj.Select(p => p.Key).ToList();
            var name = names.Count == 0 || random.Next(5) == 0 ? RandomString() : names[random.Next(names.Count)];
            if (value is null)
            {
                obj.Remove(name);
            }
            else
            {
                obj[name] = value;
            }
        }
        else if (target is JsonArray array)
        {
            if (array.Count == 0 || random.Next(3) == 0)
            {
                array.Add(value);
            }
            else
            {
                array[random.Next(array.Count)] = value;
            }
        }
        return root;
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        if (node is JsonObject obj)
        {
            into.Add(obj);
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    Collect(child, into);
                }
            }
        }
        else if (node is JsonArray array)
        {
            into.Add(array);
            foreach (var child in array)
            {
                if (child is not null)
                {
                    Collect(child, into);
                }
            }
        }
    }

    private JsonNode? RandomJson(int depth) => (depth <= 0 ? random.Next(5) : random.Next(7)) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(3) switch { 0 => random.Next(), 1 => -random.NextDouble() * 1e12, _ => random.Next(-5, 5) }),
        3 => JsonValue.Create(RandomString()),
        4 => JsonValue.Create(random.Next(2) == 0 ? decimal.MaxValue : 0.001m),
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomJson(depth - 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(0, 4)).Select(_ => KeyValuePair.Create(RandomString(), RandomJson(depth - 1))).DistinctBy(p => p.Key)),
    };

    private JsonNode HugeNumber() => JsonNode.Parse(random.Next(4) switch
    {
        0 => "1e400",
        1 => "-123456789012345678901234567890123456789",
        2 => "0.0000000000000000000000000000001",
        _ => "2147483648",
    })!;

    private byte[] DeepNesting(int depth)
    {
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        return Utf8(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
    }

    private byte[] ManyFields(JsonNode valid)
    {
        var obj = valid as JsonObject ?? [];
        var count = random.Next(100, 3_000);
        for (var i = 0; i < count; i++)
        {
            obj[$"f{i}"] = i;
        }
        return Utf8(obj.ToJsonString());
    }

    private byte[] Truncated(byte[] json) => json[..random.Next(0, json.Length)];

    /// <summary>The JSON with a byte sequence that is not UTF-8 put in at a random place.</summary>
    private byte[] InvalidUtf8(byte[] json)
    {
        byte[][] broken = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF]];
        var at = random.Next(0, json.Length + 1);
        return [.. json[..at], .. broken[random.Next(broken.Length)], .. json[at..]];
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
