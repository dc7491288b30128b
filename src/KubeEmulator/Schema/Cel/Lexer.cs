using System.Globalization;
using System.Text;

namespace SiteMaintenance.Emulator.Schema.Cel;

internal enum TokenKind
{
    Eof,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    Identifier,
    True,
    False,
    Null,
    In,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Dot,
    Comma,
    Colon,
    Question,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    And,
    Or,
    Not,
}

/// <summary>A CEL token: its kind, source text, position and decoded literal value.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Offset)
{
    public object? Literal { get; init; }
}

/// <summary>Thrown for syntax errors; carries the source offset for the error display.</summary>
internal sealed class CelSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>The CEL lexer (literals, identifiers, operators, comments).</summary>
internal sealed class Lexer(string source)
{
    private int _pos;

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipWhitespaceAndComments();
            if (_pos >= source.Length)
            {
                tokens.Add(new Token(TokenKind.Eof, "<EOF>", source.Length));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < source.Length)
        {
            var c = source[_pos];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < source.Length && source[_pos + 1] == '/')
            {
                while (_pos < source.Length && source[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token Next()
    {
        var start = _pos;
        var c = source[_pos];

        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < source.Length && char.IsAsciiDigit(source[_pos + 1])))
        {
            return Number();
        }

        if (IsQuote(c) || (c is 'r' or 'R' or 'b' or 'B' && StringAhead()))
        {
            return StringLiteral();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < source.Length && (char.IsAsciiLetterOrDigit(source[_pos]) || source[_pos] == '_'))
            {
                _pos++;
            }

            var text = source[start.._pos];
            var kind = text switch
            {
                "true" => TokenKind.True,
                "false" => TokenKind.False,
                "null" => TokenKind.Null,
                "in" => TokenKind.In,
                _ => TokenKind.Identifier,
            };
            return new Token(kind, text, start);
        }

        _pos++;
        string Two(char next) => _pos < source.Length && source[_pos] == next ? source[start..++_pos] : source[start.._pos];

        return c switch
        {
            '(' => new Token(TokenKind.LParen, "(", start),
            ')' => new Token(TokenKind.RParen, ")", start),
            '[' => new Token(TokenKind.LBracket, "[", start),
            ']' => new Token(TokenKind.RBracket, "]", start),
            '{' => new Token(TokenKind.LBrace, "{", start),
            '}' => new Token(TokenKind.RBrace, "}", start),
            '.' => new Token(TokenKind.Dot, ".", start),
            ',' => new Token(TokenKind.Comma, ",", start),
            ':' => new Token(TokenKind.Colon, ":", start),
            '?' => new Token(TokenKind.Question, "?", start),
            '+' => new Token(TokenKind.Plus, "+", start),
            '-' => new Token(TokenKind.Minus, "-", start),
            '*' => new Token(TokenKind.Star, "*", start),
            '/' => new Token(TokenKind.Slash, "/", start),
            '%' => new Token(TokenKind.Percent, "%", start),
            '=' when Two('=') == "==" => new Token(TokenKind.Equal, "==", start),
            '!' => Two('=') == "!=" ? new Token(TokenKind.NotEqual, "!=", start) : new Token(TokenKind.Not, "!", start),
            '<' => Two('=') == "<=" ? new Token(TokenKind.LessEqual, "<=", start) : new Token(TokenKind.Less, "<", start),
            '>' => Two('=') == ">=" ? new Token(TokenKind.GreaterEqual, ">=", start) : new Token(TokenKind.Greater, ">", start),
            '&' when Two('&') == "&&" => new Token(TokenKind.And, "&&", start),
            '|' when Two('|') == "||" => new Token(TokenKind.Or, "||", start),
            _ => throw new CelSyntaxException($"Syntax error: token recognition error at: '{source[start.._pos]}'", start),
        };
    }

    private static bool IsQuote(char c) => c is '"' or '\'';

    private bool StringAhead()
    {
        var i = _pos;
        var prefix = 0;
        while (i < source.Length && prefix < 2 && source[i] is 'r' or 'R' or 'b' or 'B')
        {
            i++;
            prefix++;
        }

        return i < source.Length && IsQuote(source[i]);
    }

    private Token Number()
    {
        var start = _pos;
        if (source[_pos] == '0' && _pos + 1 < source.Length && source[_pos + 1] is 'x' or 'X')
        {
            _pos += 2;
            var digitsStart = _pos;
            while (_pos < source.Length && char.IsAsciiHexDigit(source[_pos]))
            {
                _pos++;
            }

            var hex = source[digitsStart.._pos];
            if (_pos < source.Length && source[_pos] is 'u' or 'U')
            {
                _pos++;
                return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u)
                    ? new Token(TokenKind.Uint, source[start.._pos], start) { Literal = u }
                    : throw new CelSyntaxException("invalid uint literal", start);
            }

            return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)
                ? new Token(TokenKind.Int, source[start.._pos], start) { Literal = h }
                : throw new CelSyntaxException("invalid int literal", start);
        }

        while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
        {
            _pos++;
        }

        var isDouble = false;
        if (_pos + 1 < source.Length && source[_pos] == '.' && char.IsAsciiDigit(source[_pos + 1]))
        {
            isDouble = true;
            _pos++;
            while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < source.Length && source[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < source.Length && source[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
            {
                isDouble = true;
                while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }

        var text = source[start.._pos];
        if (isDouble)
        {
            return new Token(TokenKind.Double, text, start) { Literal = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) };
        }

        if (_pos < source.Length && source[_pos] is 'u' or 'U')
        {
            _pos++;
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                ? new Token(TokenKind.Uint, source[start.._pos], start) { Literal = u }
                : throw new CelSyntaxException("invalid uint literal", start);
        }

        // Kept unsigned so that -9223372036854775808 can be folded with its sign by the parser.
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l)
            ? new Token(TokenKind.Int, text, start) { Literal = l }
            : throw new CelSyntaxException("invalid int literal", start);
    }

    private Token StringLiteral()
    {
        var start = _pos;
        var raw = false;
        var bytes = false;
        while (source[_pos] is 'r' or 'R' or 'b' or 'B')
        {
            raw |= source[_pos] is 'r' or 'R';
            bytes |= source[_pos] is 'b' or 'B';
            _pos++;
        }

        var quote = source[_pos];
        var triple = _pos + 2 < source.Length && source[_pos + 1] == quote && source[_pos + 2] == quote;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        _pos += delimiter.Length;

        var sb = new StringBuilder();
        var byteBuffer = new List<byte>();
        void AppendText(string s)
        {
            sb.Append(s);
            byteBuffer.AddRange(Encoding.UTF8.GetBytes(s));
        }

        while (true)
        {
            if (_pos >= source.Length || (!triple && source[_pos] is '\n' or '\r'))
            {
                throw new CelSyntaxException($"Syntax error: token recognition error at: '{source[start.._pos]}'", start);
            }

            if (string.CompareOrdinal(source, _pos, delimiter, 0, delimiter.Length) == 0)
            {
                _pos += delimiter.Length;
                break;
            }

            var c = source[_pos];
            if (c != '\\' || raw)
            {
                if (char.IsHighSurrogate(c) && _pos + 1 < source.Length)
                {
                    AppendText(source.Substring(_pos, 2));
                    _pos += 2;
                }
                else
                {
                    AppendText(c.ToString());
                    _pos++;
                }

                continue;
            }

            _pos++;
            if (_pos >= source.Length)
            {
                throw new CelSyntaxException($"Syntax error: token recognition error at: '{source[start.._pos]}'", start);
            }

            var e = source[_pos++];
            switch (e)
            {
                case 'a': AppendText("\a"); break;
                case 'b': AppendText("\b"); break;
                case 'f': AppendText("\f"); break;
                case 'n': AppendText("\n"); break;
                case 'r': AppendText("\r"); break;
                case 't': AppendText("\t"); break;
                case 'v': AppendText("\v"); break;
                case '\\': AppendText("\\"); break;
                case '\'': AppendText("'"); break;
                case '"': AppendText("\""); break;
                case '`': AppendText("`"); break;
                case '?': AppendText("?"); break;
                case 'x' or 'X':
                    var hex = ReadFixed(2, 16, start);
                    if (bytes)
                    {
                        sb.Append((char)hex);
                        byteBuffer.Add((byte)hex);
                    }
                    else
                    {
                        AppendText(char.ConvertFromUtf32(hex));
                    }

                    break;
                case 'u':
                    AppendText(Rune(ReadFixed(4, 16, start), start));
                    break;
                case 'U':
                    AppendText(Rune(ReadFixed(8, 16, start), start));
                    break;
                case >= '0' and <= '3':
                    _pos--;
                    var octal = ReadFixed(3, 8, start);
                    if (bytes)
                    {
                        sb.Append((char)octal);
                        byteBuffer.Add((byte)octal);
                    }
                    else
                    {
                        AppendText(char.ConvertFromUtf32(octal));
                    }

                    break;
                default:
                    throw new CelSyntaxException($"Syntax error: token recognition error at: '{source[start.._pos]}'", start);
            }
        }

        var text = source[start.._pos];
        return bytes
            ? new Token(TokenKind.Bytes, text, start) { Literal = byteBuffer.ToArray() }
            : new Token(TokenKind.String, text, start) { Literal = sb.ToString() };
    }

    private int ReadFixed(int digits, int radix, int start)
    {
        if (_pos + digits > source.Length)
        {
            throw new CelSyntaxException($"Syntax error: token recognition error at: '{source[start.._pos]}'", start);
        }

        var text = source.Substring(_pos, digits);
        _pos += digits;
        try
        {
            return Convert.ToInt32(text, radix);
        }
        catch (FormatException)
        {
            throw new CelSyntaxException($"Syntax error: token recognition error at: '{source[start.._pos]}'", start);
        }
    }

    private static string Rune(int codePoint, int start) =>
        codePoint is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF)
            ? throw new CelSyntaxException("invalid unicode code point", start)
            : char.ConvertFromUtf32(codePoint);
}
