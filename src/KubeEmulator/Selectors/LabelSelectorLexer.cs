using System.Text;

namespace SiteMaintenance.Emulator.Selectors;

/// <summary>
/// The label selector lexer of <c>k8s.io/apimachinery/pkg/labels/selector.go</c>, kept close to
/// the original so that odd inputs tokenize (and fail) the same way.
/// </summary>
internal sealed class LabelSelectorLexer(string input)
{
    private static readonly Dictionary<string, LabelToken> Keywords = new(StringComparer.Ordinal)
    {
        [")"] = LabelToken.ClosedPar,
        [","] = LabelToken.Comma,
        ["!"] = LabelToken.DoesNotExist,
        ["=="] = LabelToken.DoubleEquals,
        ["="] = LabelToken.Equals,
        [">"] = LabelToken.GreaterThan,
        ["in"] = LabelToken.In,
        ["<"] = LabelToken.LessThan,
        ["!="] = LabelToken.NotEquals,
        ["notin"] = LabelToken.NotIn,
        ["("] = LabelToken.OpenPar,
    };

    private int _pos;

    public ScannedItem Lex()
    {
        var ch = SkipWhitespace(Read());
        if (ch == '\0')
        {
            return new ScannedItem(LabelToken.EndOfString, string.Empty);
        }

        Unread();
        return IsSpecialSymbol(ch) ? ScanSpecialSymbol() : ScanIdentifierOrKeyword();
    }

    private static bool IsWhitespace(char ch) => ch is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecialSymbol(char ch) => ch is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    // Like the Go lexer: '\0' at the end, without moving past it.
    private char Read()
    {
        if (_pos < input.Length)
        {
            return input[_pos++];
        }

        return '\0';
    }

    private void Unread() => _pos--;

    private char SkipWhitespace(char ch)
    {
        while (IsWhitespace(ch))
        {
            ch = Read();
        }

        return ch;
    }

    private ScannedItem ScanIdentifierOrKeyword()
    {
        var buffer = new StringBuilder();
        while (true)
        {
            var ch = Read();
            if (ch == '\0')
            {
                break;
            }

            if (IsSpecialSymbol(ch) || IsWhitespace(ch))
            {
                Unread();
                break;
            }

            buffer.Append(ch);
        }

        var text = buffer.ToString();
        return Keywords.TryGetValue(text, out var token) ? new ScannedItem(token, text) : new ScannedItem(LabelToken.Identifier, text);
    }

    // The longest run of special symbols that still forms an operator ("!=", "==", …).
    private ScannedItem ScanSpecialSymbol()
    {
        var last = new ScannedItem(LabelToken.Error, string.Empty);
        var buffer = new StringBuilder();
        while (true)
        {
            var ch = Read();
            if (ch == '\0')
            {
                break;
            }

            if (!IsSpecialSymbol(ch))
            {
                Unread();
                break;
            }

            buffer.Append(ch);
            if (Keywords.TryGetValue(buffer.ToString(), out var token))
            {
                last = new ScannedItem(token, buffer.ToString());
            }
            else if (last.Token != LabelToken.Error)
            {
                Unread();
                break;
            }
        }

        return last.Token == LabelToken.Error
            ? new ScannedItem(LabelToken.Error, $"error expected: keyword found '{buffer}'")
            : last;
    }
}
