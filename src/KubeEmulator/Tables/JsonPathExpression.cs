using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Tables.JsonPath;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>The JSONPath subset used by CRD printer columns (e.g. <c>.status.phase</c>).</summary>
/// <remarks>
/// Evaluates <c>{</c> + path + <c>}</c> with client-go's jsonpath and missing keys allowed, as the
/// apiserver does for <c>additionalPrinterColumns</c>: fields (<c>.a.b</c>, <c>.a\.b</c>),
/// <c>['a']</c>, indexes and slices (<c>[0]</c>, <c>[-1]</c>, <c>[1:3]</c>, <c>[*]</c>), unions
/// <c>[0,2]</c>, <c>.*</c>, recursive descent <c>..</c> and filters <c>[?(@.type=="Ready")]</c>
/// (<c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, or existence).
/// Upstream's quirks are kept: <c>['a.b']</c> reads <c>.a.b</c> and <c>["a"]</c> is a syntax error.
/// </remarks>
public static class JsonPathExpression
{
    // Printer column paths are few; the bound only keeps arbitrary callers from growing the cache forever.
    private const int CacheLimit = 1024;

    private static readonly ConcurrentDictionary<string, ParsedPath> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The values the path selects (JSON nulls included, document order, map members by key).
    /// Nothing found, or an evaluation error such as an index out of range, gives an empty list.
    /// </summary>
    /// <exception cref="ArgumentException">The path is not valid JSONPath.</exception>
    public static IReadOnlyList<JsonNode?> Evaluate(JsonNode root, string path) =>
        EvaluateItems(root, path)?.Select(i => i.ToJsonNode()).ToList() ?? [];

    /// <summary>The evaluated items (null when evaluation failed), for callers that need Go's view of literals.</summary>
    internal static List<PathItem>? EvaluateItems(JsonNode? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parsed = Parse(path);
        if (parsed.Error is not null)
        {
            throw new ArgumentException($"{parsed.Error} (in JSONPath {path})", nameof(path));
        }

        return JsonPathEvaluator.FindResults(parsed.Template!, root);
    }

    /// <summary>Whether the path parses; <paramref name="error"/> is upstream's parser message otherwise.</summary>
    internal static bool TryParse(string path, out string? error)
    {
        error = Parse(path).Error;
        return error is null;
    }

    private static ParsedPath Parse(string path)
    {
        if (Cache.TryGetValue(path, out var cached))
        {
            return cached;
        }

        ParsedPath parsed;
        try
        {
            parsed = new ParsedPath(JsonPathParser.Parse("{" + path + "}").Root, null);
        }
        catch (FormatException e)
        {
            parsed = new ParsedPath(null, e.Message);
        }

        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(path, parsed);
        }

        return parsed;
    }

    private sealed record ParsedPath(ListNode? Template, string? Error);
}
