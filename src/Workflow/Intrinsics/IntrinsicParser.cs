using System.Globalization;
using System.Text;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// Parses "States.Name(arg, ...)" as ASL defines intrinsic invocations: arguments are nested
/// calls, single-quoted strings, numbers, true/false/null, and reference paths ($..., $$..., $var...).
/// </summary>
internal sealed class IntrinsicParser
{
    private const string Prefix = "States.";

    // AWS documents nesting "up to 10 intrinsic functions within a field".
    private const int MaxDepth = 10;

    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text) => _text = text;

    public static FunctionCall Parse(string text)
    {
        var parser = new IntrinsicParser(text);
        parser.SkipWhitespace();
        var call = parser.ParseCall(depth: 1);
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._pos]}' after the closing parenthesis");
        }

        return call;
    }

    private FunctionCall ParseCall(int depth)
    {
        var start = _pos;
        if (depth > MaxDepth)
        {
            throw Error($"more than {MaxDepth} nested intrinsic functions");
        }

        if (string.CompareOrdinal(_text, _pos, Prefix, 0, Prefix.Length) != 0)
        {
            throw Error("expected a function name starting with 'States.'");
        }

        _pos += Prefix.Length;
        while (_pos < _text.Length && char.IsAsciiLetterOrDigit(_text[_pos]))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        if (name.Length == Prefix.Length)
        {
            throw Error("expected a function name after 'States.'");
        }

        SkipWhitespace();
        Expect('(');
        var arguments = new List<IntrinsicArgument>();
        SkipWhitespace();
        if (Peek() == ')')
        {
            _pos++;
            return new FunctionCall(name, arguments, start);
        }

        while (true)
        {
            SkipWhitespace();
            arguments.Add(ParseArgument(depth));
            SkipWhitespace();
            var c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == ')')
            {
                _pos++;
                return new FunctionCall(name, arguments, start);
            }

            throw Error(c is null ? "missing ')'" : $"expected ',' or ')' but found '{c}'");
        }
    }

    private IntrinsicArgument ParseArgument(int depth)
    {
        var c = Peek() ?? throw Error("missing argument");
        return c switch
        {
            '\'' => ParseString(),
            '$' => ParsePath(),
            '-' or (>= '0' and <= '9') => ParseNumber(),
            _ when string.CompareOrdinal(_text, _pos, Prefix, 0, Prefix.Length) == 0 => ParseCall(depth + 1),
            _ when TryKeyword("true") => new BooleanLiteral(true, _pos - 4),
            _ when TryKeyword("false") => new BooleanLiteral(false, _pos - 5),
            _ when TryKeyword("null") => new NullLiteral(_pos - 4),
            _ => throw Error($"unexpected '{c}'; an argument is a string in single quotes, a number, true, false, null, a path starting with '$' or a States.* call"),
        };
    }

    // ASL: "\'", "\{", "\}" and "\\" are the only escapes; any other backslash is an error.
    private StringLiteral ParseString()
    {
        var start = _pos++;
        var value = new StringBuilder();
        var placeholders = new List<int>();
        var openBraceAt = -1;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\'')
            {
                _pos++;
                return new StringLiteral(value.ToString(), placeholders, start);
            }

            if (c == '\\')
            {
                var escaped = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
                if (escaped is not ('\'' or '{' or '}' or '\\'))
                {
                    throw Error(@"invalid escape; only \', \{, \} and \\ may follow a backslash");
                }

                value.Append(escaped);
                openBraceAt = -1;
                _pos += 2;
                continue;
            }

            if (c == '}' && openBraceAt == value.Length - 1)
            {
                placeholders.Add(openBraceAt);
            }

            openBraceAt = c == '{' ? value.Length : -1;
            value.Append(c);
            _pos++;
        }

        _pos = start;
        throw Error("unterminated string literal");
    }

    private NumberLiteral ParseNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        var digitsStart = _pos;
        SkipDigits();
        if (_pos == digitsStart)
        {
            throw Error("expected a digit after '-'");
        }

        if (Peek() == '.')
        {
            _pos++;
            var fractionStart = _pos;
            SkipDigits();
            if (_pos == fractionStart)
            {
                throw Error("expected a digit after the decimal point");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            var exponentStart = _pos;
            SkipDigits();
            if (_pos == exponentStart)
            {
                throw Error("expected a digit in the exponent");
            }
        }

        var text = _text[start.._pos];
        if (!double.IsFinite(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)))
        {
            _pos = start;
            throw Error("number out of range");
        }

        ExpectArgumentEnd();
        return new NumberLiteral(text, start);
    }

    // A path runs to the next ',' or ')' or whitespace outside brackets; inside brackets it may
    // hold quotes, commas and filter expressions ("$.items[?(@.price < 10)]", "$['a,b']").
    private PathArgument ParsePath()
    {
        var start = _pos;
        var brackets = 0;
        char? quote = null;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    _pos++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (brackets > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                brackets++;
            }
            else if (c == ']')
            {
                brackets--;
                if (brackets < 0)
                {
                    throw Error("unbalanced ']' in path");
                }
            }
            else if (brackets == 0 && (c is ',' or ')' || char.IsWhiteSpace(c)))
            {
                break;
            }

            _pos++;
        }

        if (brackets > 0 || quote is not null)
        {
            _pos = start;
            throw Error("unterminated '[' in path");
        }

        return new PathArgument(_text[start.._pos], start);
    }

    private bool TryKeyword(string keyword)
    {
        if (string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0)
        {
            return false;
        }

        var end = _pos + keyword.Length;
        if (end < _text.Length && char.IsAsciiLetterOrDigit(_text[end]))
        {
            return false;
        }

        _pos = end;
        return true;
    }

    private void ExpectArgumentEnd()
    {
        var c = Peek();
        if (c is not (null or ',' or ')') && !char.IsWhiteSpace(c.Value))
        {
            throw Error($"unexpected '{c}'");
        }
    }

    private void Expect(char expected)
    {
        var c = Peek();
        if (c != expected)
        {
            throw Error(c is null ? $"missing '{expected}'" : $"expected '{expected}' but found '{c}'");
        }

        _pos++;
    }

    private char? Peek() => _pos < _text.Length ? _text[_pos] : null;

    private void SkipDigits()
    {
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private IntrinsicSyntaxException Error(string problem) => new(_text, _pos, problem);
}
