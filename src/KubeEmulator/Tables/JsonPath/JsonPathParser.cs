using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SiteMaintenance.Emulator.Tables.JsonPath;

/// <summary>
/// A port of client-go's <c>util/jsonpath/parser.go</c>. It keeps upstream's quirks on purpose:
/// <c>['a.b']</c> means <c>.a.b</c> (escape the dot: <c>['a\.b']</c>), double-quoted keys are not
/// keys, and a filter's operator is whatever run of <c>!&lt;&gt;=</c> follows its left side.
/// Syntax errors throw <see cref="FormatException"/> with upstream's message.
/// </summary>
internal sealed partial class JsonPathParser
{
    private const int Eof = -1;

    private readonly string _input;
    private int _pos;
    private int _start;
    private int _width;

    private JsonPathParser(string input) => _input = input;

    /// <summary>The template's top-level nodes: text and one <see cref="ListNode"/> per <c>{…}</c> action.</summary>
    public ListNode Root { get; } = new();

    public static JsonPathParser Parse(string text)
    {
        var parser = new JsonPathParser(text);
        parser.ParseText(parser.Root);
        return parser;
    }

    // parseAction: the nodes of "{text}".
    private static ListNode ParseAction(string text) => (ListNode)Parse("{" + text + "}").Root.Nodes[0];

    private static FormatException Error(string message) => new(message);

    private string ConsumeText()
    {
        var value = _input[_start.._pos];
        _start = _pos;
        return value;
    }

    private int Next()
    {
        if (_pos >= _input.Length)
        {
            _width = 0;
            return Eof;
        }

        _width = 1;
        return _input[_pos++];
    }

    private int Peek()
    {
        var r = Next();
        Backup();
        return r;
    }

    private void Backup() => _pos -= _width;

    private bool RestStartsWith(string prefix) => _input.AsSpan(_pos).StartsWith(prefix, StringComparison.Ordinal);

    private void ParseText(ListNode current)
    {
        while (true)
        {
            if (RestStartsWith("{"))
            {
                if (_pos > _start)
                {
                    current.Nodes.Add(new TextNode(ConsumeText()));
                }

                ParseLeftDelimiter(current);
                continue;
            }

            if (Next() == Eof)
            {
                break;
            }
        }

        if (_pos > _start)
        {
            current.Nodes.Add(new TextNode(ConsumeText()));
        }
    }

    private void ParseLeftDelimiter(ListNode current)
    {
        _pos++;
        ConsumeText();
        var node = new ListNode();
        current.Nodes.Add(node);
        ParseInsideAction(node);
    }

    private void ParseInsideAction(ListNode current)
    {
        while (true)
        {
            if (RestStartsWith("}"))
            {
                // The action ends; ParseText carries on with the template after it.
                _pos++;
                ConsumeText();
                return;
            }

            if (RestStartsWith("[?("))
            {
                ParseFilter(current);
                continue;
            }

            if (RestStartsWith(".."))
            {
                ParseRecursive(current);
                continue;
            }

            var r = Next();
            switch (r)
            {
                case Eof or '\r' or '\n':
                    throw Error("unclosed action");
                case ' ':
                    ConsumeText();
                    break;
                case '@' or '$':
                    ConsumeText();
                    break;
                case '[':
                    ParseArray(current);
                    break;
                case '"' or '\'':
                    ParseQuote(current, (char)r);
                    break;
                case '.':
                    ParseField(current);
                    break;
                case '+' or '-':
                    Backup();
                    ParseNumber(current);
                    break;
                default:
                    var c = (char)r;
                    if (char.IsDigit(c))
                    {
                        Backup();
                        ParseNumber(current);
                    }
                    else if (IsAlphaNumeric(c))
                    {
                        Backup();
                        ParseIdentifier(current);
                    }
                    else
                    {
                        throw Error("unrecognized character in action: " + DescribeRune(c));
                    }

                    break;
            }
        }
    }

    private void ParseIdentifier(ListNode current)
    {
        while (!IsTerminator(Next()))
        {
        }

        Backup();
        var value = ConsumeText();
        current.Nodes.Add(value is "true" or "false" ? new BoolNode(value == "true") : new IdentifierNode(value));
    }

    private void ParseRecursive(ListNode current)
    {
        if (current.Nodes.Count > 0 && current.Nodes[^1] is RecursiveNode)
        {
            throw Error("invalid multiple recursive descent");
        }

        _pos += 2;
        ConsumeText();
        current.Nodes.Add(new RecursiveNode());
        var next = Peek();
        if (next != Eof && IsAlphaNumeric((char)next))
        {
            ParseField(current);
        }
    }

    private void ParseNumber(ListNode current)
    {
        var r = Peek();
        if (r is '+' or '-')
        {
            Next();
        }

        while (true)
        {
            r = Next();
            if (r == Eof || (r != '.' && !char.IsDigit((char)r)))
            {
                Backup();
                break;
            }
        }

        var value = ConsumeText();
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            current.Nodes.Add(new IntNode(integer));
        }
        else if (double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var real))
        {
            current.Nodes.Add(new FloatNode(real));
        }
        else
        {
            throw Error($"cannot parse number {value}");
        }
    }

    private void ParseArray(ListNode current)
    {
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n')
            {
                throw Error("unterminated array");
            }

            if (r == ']')
            {
                break;
            }
        }

        var text = ConsumeText();
        text = text[1..^1];
        if (text == "*")
        {
            text = ":";
        }

        var members = text.Split(',');
        if (members.Length > 1)
        {
            var branches = members.Select(m => ParseAction("[" + m.Trim(' ') + "]")).ToList();
            current.Nodes.Add(new UnionNode(branches));
            return;
        }

        var key = DictKeyRegex().Match(text);
        if (key.Success)
        {
            // Upstream re-parses the key as ".key", so dots inside it still separate fields.
            current.Nodes.AddRange(ParseAction("." + key.Groups[1].Value).Nodes);
            return;
        }

        var slice = SliceRegex().Match(text);
        if (!slice.Success)
        {
            throw Error($"invalid array index {text}");
        }

        var parameters = new SliceParam[3];
        for (var i = 0; i < 3; i++)
        {
            var group = slice.Groups[i + 1].Value;
            if (group.Length > 0)
            {
                if (i > 0)
                {
                    group = group[1..];
                }

                if (i > 0 && group.Length == 0)
                {
                    parameters[i] = new SliceParam(0, Known: false);
                }
                else if (long.TryParse(group, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    parameters[i] = new SliceParam(number, Known: true);
                }
                else
                {
                    throw Error($"array index {group} is not a number");
                }
            }
            else if (i == 1)
            {
                parameters[i] = new SliceParam(parameters[0].Value + 1, Known: true, Derived: true);
            }
            else
            {
                parameters[i] = new SliceParam(0, Known: false);
            }
        }

        current.Nodes.Add(new ArrayNode(parameters[0], parameters[1], parameters[2]));
    }

    private void ParseFilter(ListNode current)
    {
        _pos += 3;
        ConsumeText();
        var begin = false;
        var end = false;
        var pair = '\0';
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n')
            {
                throw Error("unterminated filter");
            }

            if (r is '"' or '\'')
            {
                if (!begin)
                {
                    begin = true;
                    pair = (char)r;
                    continue;
                }

                if (_input[_pos - 2] != '\\' && r == pair)
                {
                    end = true;
                }
            }
            else if (r == ')' && begin == end)
            {
                break;
            }
        }

        if (Next() != ']')
        {
            throw Error("unclosed array expect ]");
        }

        var text = ConsumeText();
        text = text[..^2];
        var comparison = FilterRegex().Match(text);
        if (!comparison.Success)
        {
            current.Nodes.Add(new FilterNode(ParseAction(text), new ListNode(), "exists"));
            return;
        }

        var left = ParseAction(comparison.Groups[1].Value);
        var right = ParseAction(comparison.Groups[3].Value);
        current.Nodes.Add(new FilterNode(left, right, comparison.Groups[2].Value));
    }

    private void ParseQuote(ListNode current, char quote)
    {
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n')
            {
                throw Error("unterminated quoted string");
            }

            if (r == quote && _input[_pos - 2] != '\\')
            {
                break;
            }
        }

        var value = ConsumeText();
        if (!GoUnquote.TryUnquote(value, out var text))
        {
            throw Error($"unquote string {value} error invalid syntax");
        }

        current.Nodes.Add(new TextNode(text));
    }

    private void ParseField(ListNode current)
    {
        ConsumeText();
        while (Advance())
        {
        }

        var value = ConsumeText();
        current.Nodes.Add(value == "*" ? new WildcardNode() : new FieldNode(value.Replace("\\", string.Empty, StringComparison.Ordinal)));
    }

    // Scans to the next terminator that is not escaped with a backslash.
    private bool Advance()
    {
        var r = Next();
        if (r == '\\')
        {
            Next();
            return true;
        }

        if (IsTerminator(r))
        {
            Backup();
            return false;
        }

        return true;
    }

    private static bool IsTerminator(int r) =>
        r is Eof or ' ' or '\t' or '\r' or '\n' or '.' or ',' or '[' or ']' or '$' or '@' or '{' or '}';

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetter(c) || char.IsDigit(c);

    // Go's %#U: U+0023 '#'.
    private static string DescribeRune(char c)
    {
        var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return char.IsControl(c) ? $"U+{code}" : new StringBuilder().Append("U+").Append(code).Append(" '").Append(c).Append('\'').ToString();
    }

    [GeneratedRegex(@"\A'([^']*)'\z", RegexOptions.CultureInvariant)]
    private static partial Regex DictKeyRegex();

    [GeneratedRegex(@"\A(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SliceRegex();

    [GeneratedRegex(@"\A([^!<>=]+)([!<>=]+)(.+?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex FilterRegex();
}
