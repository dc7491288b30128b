using System.Text;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>A parsed URL (Go's <c>net/url</c> parts the Kubernetes URL library exposes).</summary>
internal sealed class UrlValue(string text, string scheme, string host, string path, string rawQuery) : CelValue
{
    public string Text { get; } = text;

    public string Scheme { get; } = scheme;

    /// <summary>Host with port, as <c>URL.Host</c>.</summary>
    public string Host { get; } = host;

    public string Path { get; } = path;

    public string RawQuery { get; } = rawQuery;

    public override string TypeName => "kubernetes.URL";

    public string Hostname
    {
        get
        {
            if (Host.StartsWith('['))
            {
                var close = Host.IndexOf(']', StringComparison.Ordinal);
                return close < 0 ? Host : Host[1..close];
            }

            var colon = Host.LastIndexOf(':');
            return colon < 0 ? Host : Host[..colon];
        }
    }

    public string Port
    {
        get
        {
            var colon = Host.LastIndexOf(':');
            if (colon < 0 || (Host.StartsWith('[') && colon < Host.IndexOf(']', StringComparison.Ordinal)))
            {
                return string.Empty;
            }

            var port = Host[(colon + 1)..];
            return port.All(char.IsAsciiDigit) ? port : string.Empty;
        }
    }
}

/// <summary>Kubernetes' CEL URL library: <c>url()</c>, <c>isURL()</c> and the URL accessors.</summary>
internal static class UrlLibrary
{
    public static CelValue? Call(string function, CelValue[] args) => (function, args) switch
    {
        ("url", [StringValue s]) => TryParseRequestUri(s.Value, out var url, out var error) ? url! : new ErrorValue($"URL parse error during conversion from string: {error}"),
        ("isURL", [StringValue s]) => BoolValue.Of(TryParseRequestUri(s.Value, out _, out _)),
        ("getScheme", [UrlValue u]) => new StringValue(u.Scheme),
        ("getHost", [UrlValue u]) => new StringValue(u.Host),
        ("getHostname", [UrlValue u]) => new StringValue(u.Hostname),
        ("getPort", [UrlValue u]) => new StringValue(u.Port),
        ("getEscapedPath", [UrlValue u]) => new StringValue(u.Path),
        ("getQuery", [UrlValue u]) => Query(u.RawQuery),
        _ => null,
    };

    /// <summary>Go's <c>url.ParseRequestURI</c>: an absolute URL or an absolute path.</summary>
    internal static bool TryParseRequestUri(string text, out UrlValue? url, out string error)
    {
        url = null;
        error = $"parse {GoQuote.Quote(text)}: invalid URI for request";
        if (text.Length == 0)
        {
            error = "parse \"\": empty url";
            return false;
        }

        if (text.Any(c => c < 0x20 || c == 0x7f))
        {
            error = $"parse {GoQuote.Quote(text)}: net/url: invalid control character in URL";
            return false;
        }

        var rest = text;
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var scheme = string.Empty;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.')))
            {
                continue;
            }

            if (c == ':' && i > 0)
            {
                scheme = rest[..i].ToLowerInvariant();
                rest = rest[(i + 1)..];
            }
            else if (c == ':')
            {
                error = $"parse {GoQuote.Quote(text)}: missing protocol scheme";
                return false;
            }

            break;
        }

        var rawQuery = string.Empty;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            rawQuery = rest[(q + 1)..];
            rest = rest[..q];
        }

        if (!rest.StartsWith('/'))
        {
            if (scheme.Length == 0)
            {
                return false;
            }

            url = new UrlValue(text, scheme, string.Empty, string.Empty, rawQuery);
            return true;
        }

        var host = string.Empty;
        if (scheme.Length > 0 && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('/', 2);
            var authority = end < 0 ? rest[2..] : rest[2..end];
            rest = end < 0 ? string.Empty : rest[end..];
            var at = authority.LastIndexOf('@');
            host = at >= 0 ? authority[(at + 1)..] : authority;
            var colon = host.LastIndexOf(':');
            if (colon >= 0 && !host.StartsWith('[') && !host[(colon + 1)..].All(char.IsAsciiDigit))
            {
                error = $"parse {GoQuote.Quote(text)}: invalid port {GoQuote.Quote(host[colon..])} after host";
                return false;
            }
        }

        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == '%' && (i + 2 >= rest.Length || !char.IsAsciiHexDigit(rest[i + 1]) || !char.IsAsciiHexDigit(rest[i + 2])))
            {
                error = $"parse {GoQuote.Quote(text)}: invalid URL escape {GoQuote.Quote(rest[i..Math.Min(i + 3, rest.Length)])}";
                return false;
            }
        }

        url = new UrlValue(text, scheme, host, rest, rawQuery);
        return true;
    }

    /// <summary>Go's <c>URL.Query()</c>: values per key, in order, unescaped.</summary>
    private static MapValue Query(string rawQuery)
    {
        var values = new Dictionary<string, List<CelValue>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Unescape(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Unescape(pair[(eq + 1)..]);
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
                order.Add(key);
            }

            list.Add(new StringValue(value));
        }

        var map = new MapValue();
        foreach (var key in order)
        {
            map.TryAdd(new StringValue(key), new ListValue(values[key]));
        }

        return map;
    }

    private static string Unescape(string s)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (s[i] == '%' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
