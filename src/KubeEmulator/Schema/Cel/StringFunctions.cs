using System.Globalization;
using System.Text;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>
/// cel-go's string extension library as the apiserver enables it: indexes count code points,
/// <c>split</c>/<c>replace</c> follow Go's <c>strings.SplitN</c>/<c>strings.Replace</c>.
/// </summary>
internal static class StringFunctions
{
    public static CelValue Call(string function, bool member, CelValue[] args)
    {
        if (!member)
        {
            return ErrorValue.NoSuchOverload;
        }

        if (function == "join")
        {
            return Join(args);
        }

        if (args[0] is not StringValue target)
        {
            return ErrorValue.NoSuchOverload;
        }

        var s = target.Value;
        return (function, args.Length) switch
        {
            ("lowerAscii", 1) => new StringValue(MapAscii(s, char.ToLowerInvariant)),
            ("upperAscii", 1) => new StringValue(MapAscii(s, char.ToUpperInvariant)),
            ("trim", 1) => new StringValue(TrimSpace(s)),
            ("reverse", 1) => new StringValue(string.Concat(Enumerable.Reverse(Runes(s)).Select(r => r.ToString()))),
            ("charAt", 2) when args[1] is IntValue i => CharAt(s, i.Value),
            ("indexOf", 2 or 3) => IndexOf(s, args, last: false),
            ("lastIndexOf", 2 or 3) => IndexOf(s, args, last: true),
            ("replace", 3 or 4) when args[1] is StringValue from && args[2] is StringValue to =>
                new StringValue(Replace(s, from.Value, to.Value, args.Length == 4 && args[3] is IntValue n ? n.Value : -1)),
            ("split", 2 or 3) when args[1] is StringValue sep =>
                new ListValue(Split(s, sep.Value, args.Length == 3 && args[2] is IntValue n ? n.Value : -1).Select(p => (CelValue)new StringValue(p)).ToList()),
            ("substring", 2 or 3) => Substring(s, args),
            _ => ErrorValue.NoSuchOverload,
        };
    }

    private static List<Rune> Runes(string s) => s.EnumerateRunes().ToList();

    private static string MapAscii(string s, Func<char, char> map) =>
        string.Create(s.Length, s, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] < 0x80 ? map(source[i]) : source[i];
            }
        });

    /// <summary>Go's <c>strings.TrimSpace</c> (Unicode white space).</summary>
    private static string TrimSpace(string s)
    {
        var runes = Runes(s);
        var start = 0;
        var end = runes.Count;
        while (start < end && Rune.IsWhiteSpace(runes[start]))
        {
            start++;
        }

        while (end > start && Rune.IsWhiteSpace(runes[end - 1]))
        {
            end--;
        }

        return string.Concat(runes.Skip(start).Take(end - start).Select(r => r.ToString()));
    }

    private static CelValue CharAt(string s, long index)
    {
        var runes = Runes(s);
        if (index < 0 || index > runes.Count)
        {
            return new ErrorValue($"index out of range: {index.ToString(CultureInfo.InvariantCulture)}");
        }

        return new StringValue(index == runes.Count ? string.Empty : runes[(int)index].ToString());
    }

    private static CelValue IndexOf(string s, CelValue[] args, bool last)
    {
        if (args[1] is not StringValue sub)
        {
            return ErrorValue.NoSuchOverload;
        }

        var runes = Runes(s);
        var needle = Runes(sub.Value);
        long start = last ? runes.Count : 0;
        if (args.Length == 3)
        {
            if (args[2] is not IntValue offset)
            {
                return ErrorValue.NoSuchOverload;
            }

            start = offset.Value;
            if (start < 0 || start > runes.Count)
            {
                return new ErrorValue($"index out of range: {start.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (needle.Count == 0)
        {
            return new IntValue(start);
        }

        if (last)
        {
            for (var i = (int)Math.Min(start, runes.Count - needle.Count); i >= 0; i--)
            {
                if (MatchesAt(runes, needle, i))
                {
                    return new IntValue(i);
                }
            }
        }
        else
        {
            for (var i = (int)start; i + needle.Count <= runes.Count; i++)
            {
                if (MatchesAt(runes, needle, i))
                {
                    return new IntValue(i);
                }
            }
        }

        return new IntValue(-1);
    }

    private static bool MatchesAt(List<Rune> runes, List<Rune> needle, int at)
    {
        for (var j = 0; j < needle.Count; j++)
        {
            if (runes[at + j] != needle[j])
            {
                return false;
            }
        }

        return true;
    }

    private static CelValue Substring(string s, CelValue[] args)
    {
        var runes = Runes(s);
        if (args[1] is not IntValue startValue || (args.Length == 3 && args[2] is not IntValue))
        {
            return ErrorValue.NoSuchOverload;
        }

        var start = startValue.Value;
        var end = args.Length == 3 ? ((IntValue)args[2]).Value : runes.Count;
        if (start < 0 || start > runes.Count)
        {
            return new ErrorValue($"index out of range: {start.ToString(CultureInfo.InvariantCulture)}");
        }

        if (end < 0 || end > runes.Count)
        {
            return new ErrorValue($"index out of range: {end.ToString(CultureInfo.InvariantCulture)}");
        }

        if (start > end)
        {
            return new ErrorValue($"invalid substring range. start: {start.ToString(CultureInfo.InvariantCulture)}, end: {end.ToString(CultureInfo.InvariantCulture)}");
        }

        return new StringValue(string.Concat(runes.Skip((int)start).Take((int)(end - start)).Select(r => r.ToString())));
    }

    /// <summary>Go's <c>strings.Replace(s, old, new, n)</c>.</summary>
    private static string Replace(string s, string from, string to, long n)
    {
        if (n == 0 || string.Equals(from, to, StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder();
        long done = 0;
        if (from.Length == 0)
        {
            // An empty old string matches before every rune and at the end.
            var runes = Runes(s);
            for (var i = 0; i <= runes.Count; i++)
            {
                if (n < 0 || done < n)
                {
                    sb.Append(to);
                    done++;
                }

                if (i < runes.Count)
                {
                    sb.Append(runes[i].ToString());
                }
            }

            return sb.ToString();
        }

        var pos = 0;
        while (n < 0 || done < n)
        {
            var found = s.IndexOf(from, pos, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            sb.Append(s, pos, found - pos).Append(to);
            pos = found + from.Length;
            done++;
        }

        return sb.Append(s, pos, s.Length - pos).ToString();
    }

    /// <summary>Go's <c>strings.SplitN(s, sep, n)</c>.</summary>
    private static List<string> Split(string s, string sep, long n)
    {
        var result = new List<string>();
        if (n == 0)
        {
            return result;
        }

        if (sep.Length == 0)
        {
            var runes = Runes(s);
            for (var i = 0; i < runes.Count; i++)
            {
                if (n > 0 && result.Count == n - 1)
                {
                    result.Add(string.Concat(runes.Skip(i).Select(r => r.ToString())));
                    return result;
                }

                result.Add(runes[i].ToString());
            }

            return result;
        }

        var pos = 0;
        while (n < 0 || result.Count < n - 1)
        {
            var found = s.IndexOf(sep, pos, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            result.Add(s[pos..found]);
            pos = found + sep.Length;
        }

        result.Add(s[pos..]);
        return result;
    }

    private static CelValue Join(CelValue[] args)
    {
        if (args[0] is not ListValue list)
        {
            return ErrorValue.NoSuchOverload;
        }

        var separator = string.Empty;
        if (args.Length == 2)
        {
            if (args[1] is not StringValue sep)
            {
                return ErrorValue.NoSuchOverload;
            }

            separator = sep.Value;
        }

        var parts = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is not StringValue part)
            {
                return item as ErrorValue ?? ErrorValue.NoSuchOverload;
            }

            parts.Add(part.Value);
        }

        return new StringValue(string.Join(separator, parts));
    }
}
