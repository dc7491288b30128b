using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// The string formats CRD schemas validate (kube-openapi's <c>strfmt.Default</c> registry, limited
/// to the formats the apiserver keeps; others are stripped and never checked).
/// </summary>
internal static partial class StringFormats
{
    private static readonly Dictionary<string, Func<string, bool>> Validators = new(StringComparer.Ordinal)
    {
        ["bsonobjectid"] = s => BsonObjectId().IsMatch(s),
        ["uri"] = IsRequestUri,
        ["email"] = IsEmail,
        ["hostname"] = IsHostname,
        ["ipv4"] = s => s.Contains('.', StringComparison.Ordinal) && IpAddresses.TryParse(s, out _),
        ["ipv6"] = s => s.Contains(':', StringComparison.Ordinal) && IpAddresses.TryParse(s, out _),
        ["cidr"] = IpAddresses.IsCidr,
        ["mac"] = IsMac,
        ["uuid"] = s => Uuid().IsMatch(s),
        ["uuid3"] = s => Uuid3().IsMatch(s),
        ["uuid4"] = s => Uuid4().IsMatch(s),
        ["uuid5"] = s => Uuid5().IsMatch(s),
        ["isbn"] = s => IsIsbn10(s) || IsIsbn13(s),
        ["isbn10"] = IsIsbn10,
        ["isbn13"] = IsIsbn13,
        ["creditcard"] = IsCreditCard,
        ["ssn"] = s => Ssn().IsMatch(s),
        ["hexcolor"] = s => HexColor().IsMatch(s),
        ["rgbcolor"] = s => RgbColor().IsMatch(s),
        ["byte"] = s => Base64().IsMatch(s),
        ["password"] = _ => true,
        ["date"] = IsDate,
        ["duration"] = IsDuration,
        ["datetime"] = IsDateTime,
        ["quantity"] = s => Quantity().IsMatch(s),
    };

    /// <summary>go-openapi's name normalisation: <c>date-time</c> is <c>datetime</c>.</summary>
    private static string Normalize(string format) => format.Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>Whether the apiserver keeps this format on a string schema.</summary>
    public static bool IsSupported(string format) => Validators.ContainsKey(Normalize(format));

    public static bool IsKnown(string format) => Validators.ContainsKey(Normalize(format));

    public static bool Validates(string format, string value) =>
        !Validators.TryGetValue(Normalize(format), out var validate) || validate(value);

    /// <summary>strfmt's <c>IsDate</c>: Go's <c>time.Parse("2006-01-02", s)</c>.</summary>
    public static bool IsDate(string s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-' &&
        int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) &&
        int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) &&
        int.TryParse(s.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day) &&
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);

    /// <summary>strfmt's <c>IsDateTime</c>: a date, a <c>T</c>, and <c>hh:mm:ss[.frac](Z|±hh:mm)</c>.</summary>
    public static bool IsDateTime(string s)
    {
        if (s.Length < 4)
        {
            return false;
        }

        var parts = s.ToLowerInvariant().Split('t');
        if (parts.Length < 2 || !IsDate(parts[0]))
        {
            return false;
        }

        var m = DateTimeTail().Match(parts[1]);
        return m.Success &&
            string.CompareOrdinal(m.Groups[1].Value, "23") <= 0 &&
            string.CompareOrdinal(m.Groups[2].Value, "59") <= 0 &&
            string.CompareOrdinal(m.Groups[3].Value, "59") <= 0;
    }

    public static bool IsDuration(string s) => TryParseDuration(s, out _);

    /// <summary>strfmt's <c>ParseDuration</c>: Go durations, or Scala-style ones such as <c>3 days</c>.</summary>
    public static bool TryParseDuration(string s, out long nanos)
    {
        if (GoDuration.TryParse(s, out nanos, out _))
        {
            return true;
        }

        if (!ScalaDuration().IsMatch(s))
        {
            return false;
        }

        (string[] Variants, long Nanos)[] units =
        [
            (["ns", "nano"], 1L),
            (["us", "µs", "micro"], 1_000L),
            (["ms", "milli"], 1_000_000L),
            (["s", "sec"], 1_000_000_000L),
            (["m", "min"], 60_000_000_000L),
            (["h", "hr", "hour"], 3_600_000_000_000L),
            (["d", "day"], 86_400_000_000_000L),
            (["w", "wk", "week"], 604_800_000_000_000L),
        ];
        var ok = false;
        foreach (Match match in ScalaDurationPart().Matches(s))
        {
            if (!long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var factor))
            {
                return false;
            }

            var unit = match.Groups[3].Value.Trim().ToLowerInvariant();
            foreach (var (variants, multiplier) in units)
            {
                for (var i = 0; i < variants.Length; i++)
                {
                    if ((i == variants.Length - 1 && unit.StartsWith(variants[i], StringComparison.Ordinal)) ||
                        string.Equals(variants[i], unit, StringComparison.OrdinalIgnoreCase))
                    {
                        ok = true;
                        nanos = unchecked(nanos + (factor * multiplier));
                    }
                }
            }
        }

        return ok;
    }

    private static bool IsHostname(string s)
    {
        if (!Hostname().IsMatch(s) || s.Length > 255)
        {
            return false;
        }

        return Array.TrueForAll(s.Split('.'), p => System.Text.Encoding.UTF8.GetByteCount(p) <= 63);
    }

    /// <summary>govalidator's <c>IsRequestURI</c>: Go's <c>url.ParseRequestURI</c> succeeds.</summary>
    private static bool IsRequestUri(string s)
    {
        if (s.Length == 0 || s.Any(c => c < 0x20 || c == 0x7f))
        {
            return false;
        }

        if (s == "*")
        {
            return true;
        }

        var rest = s;
        var scheme = SchemePrefix().Match(s);
        if (scheme.Success)
        {
            rest = s[scheme.Length..];
        }
        else if (s[0] == ':')
        {
            return false;
        }

        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        if (!rest.StartsWith('/'))
        {
            return scheme.Success;
        }

        if (scheme.Success && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authorityEnd = rest.IndexOf('/', 2);
            var authority = authorityEnd < 0 ? rest[2..] : rest[2..authorityEnd];
            rest = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
            var at = authority.LastIndexOf('@');
            var host = at >= 0 ? authority[(at + 1)..] : authority;
            if (!ValidHostPort(host))
            {
                return false;
            }
        }

        return ValidEscapes(rest);
    }

    private static bool ValidHostPort(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            var after = host[(close + 1)..];
            return after.Length == 0 || (after[0] == ':' && after[1..].All(char.IsAsciiDigit));
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0 && !host[(colon + 1)..].All(char.IsAsciiDigit))
        {
            return false;
        }

        return !host.Any(c => c is ' ' or '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`');
    }

    private static bool ValidEscapes(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An approximation of Go's <c>net/mail.ParseAddress</c>: <c>local@domain</c>, optionally as <c>Name &lt;local@domain&gt;</c>.</summary>
    private static bool IsEmail(string s)
    {
        var address = s.Trim();
        var open = address.LastIndexOf('<');
        if (open >= 0 && address.EndsWith('>'))
        {
            address = address[(open + 1)..^1];
        }

        return Email().IsMatch(address);
    }

    private static bool IsMac(string s)
    {
        if (s.Length < 14)
        {
            return false;
        }

        if (s[2] is ':' or '-')
        {
            var groups = s.Split(s[2]);
            return groups.Length is 6 or 8 or 20 && Array.TrueForAll(groups, g => g.Length == 2 && g.All(char.IsAsciiHexDigit));
        }

        if (s[4] == '.')
        {
            var groups = s.Split('.');
            return groups.Length is 3 or 4 or 10 && Array.TrueForAll(groups, g => g.Length == 4 && g.All(char.IsAsciiHexDigit));
        }

        return false;
    }

    private static bool IsIsbn10(string s)
    {
        var sanitized = WhiteSpaceAndMinus().Replace(s, string.Empty);
        if (!Isbn10().IsMatch(sanitized))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (i + 1) * (sanitized[i] - '0');
        }

        sum += sanitized[9] == 'X' ? 100 : 10 * (sanitized[9] - '0');
        return sum % 11 == 0;
    }

    private static bool IsIsbn13(string s)
    {
        var sanitized = WhiteSpaceAndMinus().Replace(s, string.Empty);
        if (!Isbn13().IsMatch(sanitized))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (i % 2 == 0 ? 1 : 3) * (sanitized[i] - '0');
        }

        return (10 - (sum % 10)) % 10 == sanitized[12] - '0';
    }

    private static bool IsCreditCard(string s)
    {
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (!CreditCard().IsMatch(digits))
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex("^[0-9a-fA-F]{24}$")]
    private static partial Regex BsonObjectId();

    [GeneratedRegex("^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex("^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$")]
    private static partial Regex Uuid3();

    [GeneratedRegex("^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$")]
    private static partial Regex Uuid4();

    [GeneratedRegex("^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$")]
    private static partial Regex Uuid5();

    [GeneratedRegex(@"^[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}$")]
    private static partial Regex Ssn();

    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^rgb\(\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\s*\)$")]
    private static partial Regex RgbColor();

    [GeneratedRegex(@"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$")]
    private static partial Regex Base64();

    [GeneratedRegex(@"^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$")]
    private static partial Regex DateTimeTail();

    [GeneratedRegex(@"^\s*(?:[0-9]+\s*[A-Za-zµ]+\s*)+$")]
    private static partial Regex ScalaDuration();

    [GeneratedRegex(@"(([0-9]+)\s*([A-Za-zµ]+))")]
    private static partial Regex ScalaDurationPart();

    [GeneratedRegex(@"^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z0-9\p{S}\p{L}])(-?[a-zA-Z0-9\p{S}\p{L}]){1,62})$")]
    private static partial Regex Hostname();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemePrefix();

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"[\s-]+")]
    private static partial Regex WhiteSpaceAndMinus();

    [GeneratedRegex("^(?:[0-9]{9}X|[0-9]{10})$")]
    private static partial Regex Isbn10();

    [GeneratedRegex("^(?:[0-9]{13})$")]
    private static partial Regex Isbn13();

    [GeneratedRegex("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35[0-9]{3})[0-9]{11}|6[27][0-9]{14})$")]
    private static partial Regex CreditCard();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$")]
    private static partial Regex Quantity();
}
