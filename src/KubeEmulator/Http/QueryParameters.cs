using System.Globalization;
using Microsoft.AspNetCore.Http;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Http;

/// <summary>A request's query string, with the typed readers the API options need (400 on bad values).</summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string> _values;

    public QueryParameters(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _values = query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string> Raw => _values;

    public string? String(string name) => _values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public bool Bool(string name) => _values.TryGetValue(name, out var v) && v is "true" or "1" or "True";

    public long? Long(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid value for {name}: {text}: strconv.ParseInt: parsing \"{text}\": invalid syntax");
    }
}
