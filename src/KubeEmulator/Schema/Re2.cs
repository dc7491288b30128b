using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// Go's <c>regexp</c> (RE2 syntax) on top of .NET regular expressions. Schema <c>pattern</c>s and
/// CEL's <c>matches</c>/<c>find</c> use RE2: <c>\d</c>, <c>\w</c> and <c>\s</c> are ASCII, <c>$</c>
/// matches only at the end of the text, and <c>\pL</c>, <c>(?P&lt;n&gt;…)</c> and POSIX classes exist.
/// </summary>
internal static class Re2
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    private const int CacheLimit = 1024;

    /// <summary>Compiles an RE2 pattern; throws <see cref="ArgumentException"/> when it is not valid.</summary>
    public static Regex Compile(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        // Patterns can come from data (self.matches(self.pattern)); keep the cache bounded.
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(pattern, p => new Regex(Translate(p), RegexOptions.CultureInvariant, MatchTimeout));
    }

    public static bool TryCompile(string pattern, out Regex? regex, out string error)
    {
        try
        {
            regex = Compile(pattern);
            error = string.Empty;
            return true;
        }
        catch (ArgumentException e)
        {
            regex = null;
            error = "error parsing regexp: " + e.Message;
            return false;
        }
    }

    public static bool IsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The matches of a pattern (at most <paramref name="limit"/> when it is not negative); null on a timeout.</summary>
    public static List<string>? FindAll(Regex regex, string input, long limit)
    {
        try
        {
            var result = new List<string>();
            for (var match = regex.Match(input); match.Success && (limit < 0 || result.Count < limit); match = match.NextMatch())
            {
                result.Add(match.Value);
            }

            return result;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Rewrites RE2 syntax into the equivalent .NET syntax.</summary>
    internal static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var n = pattern[i + 1];
                i++;
                switch (n)
                {
                    case 'd':
                        sb.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D':
                        sb.Append(inClass ? "\\D" : "[^0-9]");
                        break;
                    case 'w':
                        sb.Append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]");
                        break;
                    case 'W':
                        sb.Append(inClass ? "\\W" : "[^0-9A-Za-z_]");
                        break;
                    case 's':
                        sb.Append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                        break;
                    case 'S':
                        sb.Append(inClass ? "\\S" : "[^\\t\\n\\f\\r ]");
                        break;
                    case 'z':
                        sb.Append("\\z");
                        break;
                    case 'p':
                    case 'P':
                        if (i + 1 < pattern.Length && pattern[i + 1] != '{')
                        {
                            sb.Append('\\').Append(n).Append('{').Append(pattern[i + 1]).Append('}');
                            i++;
                        }
                        else
                        {
                            sb.Append('\\').Append(n);
                        }

                        break;
                    case 'Q':
                        var end = pattern.IndexOf("\\E", i + 1, StringComparison.Ordinal);
                        var literal = end < 0 ? pattern[(i + 1)..] : pattern[(i + 1)..end];
                        sb.Append(Regex.Escape(literal));
                        i = end < 0 ? pattern.Length : end + 1;
                        break;
                    default:
                        sb.Append('\\').Append(n);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
                {
                    var close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    if (close > 0)
                    {
                        var name = pattern[(i + 2)..close];
                        var negate = name.StartsWith('^');
                        if (negate)
                        {
                            name = name[1..];
                        }

                        if (PosixClasses.TryGetValue(name, out var members) && !negate)
                        {
                            sb.Append(members);
                            i = close + 1;
                            continue;
                        }
                    }
                }

                if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '[')
                {
                    sb.Append('\\');
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    sb.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        sb.Append("\\]");
                        i++;
                    }

                    break;
                case '$':
                    sb.Append("(?!\\n)$");
                    break;
                case '(' when pattern.AsSpan(i).StartsWith("(?P<"):
                    sb.Append("(?<");
                    i += 3;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
