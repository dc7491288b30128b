using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.JsonPath;

/// <summary>
/// A port of client-go's <c>util/jsonpath/jsonpath.go</c> evaluation with missing keys allowed,
/// over <see cref="JsonNode"/>. Map members are visited in key order (upstream sorts them).
/// </summary>
internal static class JsonPathEvaluator
{
    /// <summary>
    /// The values of the template's first action, or null when evaluating failed (an index out of
    /// range, a filter over a scalar, <c>range</c>/<c>end</c>, …), which upstream's table convertor
    /// shows as an empty cell.
    /// </summary>
    public static List<PathItem>? FindResults(ListNode template, JsonNode? data)
    {
        if (template.Nodes.Count == 0 || template.Nodes[0] is not ListNode action)
        {
            return null;
        }

        var outcome = EvalList([PathItem.FromNode(data)], action);
        return outcome.Failed ? null : outcome.Items;
    }

    private static Outcome EvalList(List<PathItem> input, ListNode list)
    {
        var current = input;
        foreach (var node in list.Nodes)
        {
            var outcome = Walk(current, node);
            if (outcome.Failed)
            {
                return outcome;
            }

            current = outcome.Items;
        }

        return Outcome.Ok(current);
    }

    private static Outcome Walk(List<PathItem> input, PathNode node) => node switch
    {
        ListNode list => EvalList(input, list),
        TextNode text => Outcome.Ok([PathItem.FromLiteral(text.Text)]),
        FieldNode field => Outcome.Ok(EvalField(input, field.Name)),
        ArrayNode array => EvalArray(input, array),
        FilterNode filter => EvalFilter(input, filter),
        IntNode number => Outcome.Ok([.. input.Select(_ => PathItem.FromLiteral(number.Value))]),
        FloatNode number => Outcome.Ok([.. input.Select(_ => PathItem.FromLiteral(number.Value))]),
        BoolNode flag => Outcome.Ok([.. input.Select(_ => PathItem.FromLiteral(flag.Value))]),
        WildcardNode => Outcome.Ok(EvalWildcard(input)),
        RecursiveNode => Outcome.Ok(EvalRecursive(input)),
        UnionNode union => EvalUnion(input, union),

        // range/end only make sense across actions; inside one column path they yield nothing.
        _ => Outcome.Fail(input),
    };

    private static List<PathItem> EvalField(List<PathItem> input, string name)
    {
        var results = new List<PathItem>();
        foreach (var item in input)
        {
            if (!item.IsLiteral && item.Node is JsonObject map && map.TryGetPropertyValue(name, out var value))
            {
                results.Add(PathItem.FromNode(value));
            }
        }

        return results;
    }

    private static Outcome EvalArray(List<PathItem> input, ArrayNode node)
    {
        var results = new List<PathItem>();
        foreach (var item in input)
        {
            if (!item.IsLiteral && item.Node is null)
            {
                continue;
            }

            if (item.Node is not JsonArray array)
            {
                return Outcome.Fail(input);
            }

            long length = array.Count;
            var start = node.Start.Known ? node.Start.Value : 0;
            if (start < 0)
            {
                start += length;
            }

            var end = node.End.Known ? node.End.Value : length;
            if (end < 0 || (end == 0 && node.End.Derived))
            {
                end += length;
            }

            if (end == start)
            {
                // Upstream returns what it has so far when zero elements are requested.
                return Outcome.Ok(results);
            }

            if (start >= length || start < 0 || end > length || end < 0 || start > end)
            {
                return Outcome.Fail(input);
            }

            var step = 1L;
            if (node.Step.Known)
            {
                if (node.Step.Value <= 0)
                {
                    return Outcome.Fail(input);
                }

                step = node.Step.Value;
            }

            for (var i = start; i < end; i += step)
            {
                results.Add(PathItem.FromNode(array[(int)i]));
            }
        }

        return Outcome.Ok(results);
    }

    private static Outcome EvalUnion(List<PathItem> input, UnionNode union)
    {
        var results = new List<PathItem>();
        foreach (var branch in union.Branches)
        {
            var outcome = EvalList(input, branch);
            if (outcome.Failed)
            {
                return Outcome.Fail(input);
            }

            results.AddRange(outcome.Items);
        }

        return Outcome.Ok(results);
    }

    private static List<PathItem> EvalWildcard(List<PathItem> input)
    {
        var results = new List<PathItem>();
        foreach (var item in input)
        {
            if (Members(item) is { } members)
            {
                results.AddRange(members);
            }
        }

        return results;
    }

    // Every map or array with members, then its descendants; the next node picks from these.
    private static List<PathItem> EvalRecursive(List<PathItem> input)
    {
        var results = new List<PathItem>();
        foreach (var item in input)
        {
            if (Members(item) is { Count: > 0 } members)
            {
                results.Add(item);
                results.AddRange(EvalRecursive(members));
            }
        }

        return results;
    }

    private static Outcome EvalFilter(List<PathItem> input, FilterNode filter)
    {
        var results = new List<PathItem>();
        foreach (var item in input)
        {
            // A scalar (or null) is filtered as a one-element list of itself.
            var candidates = Members(item) ?? [item];
            foreach (var candidate in candidates)
            {
                List<PathItem> single = [candidate];
                var lefts = EvalList(single, filter.Left).Items;
                var rights = EvalList(single, filter.Right);
                if (rights.Failed)
                {
                    return Outcome.Fail(input);
                }

                if (lefts.Count == 0)
                {
                    continue;
                }

                if (lefts.Count > 1)
                {
                    return Outcome.Fail(input);
                }

                if (filter.Operator == "exists")
                {
                    results.Add(candidate);
                    continue;
                }

                if (rights.Items.Count == 0)
                {
                    continue;
                }

                if (rights.Items.Count > 1)
                {
                    return Outcome.Fail(input);
                }

                switch (FilterComparison.Evaluate(filter.Operator, lefts[0], rights.Items[0]))
                {
                    case null:
                        return Outcome.Fail(results);
                    case true:
                        results.Add(candidate);
                        break;
                }
            }
        }

        return Outcome.Ok(results);
    }

    // jsonpath's iterHelper: arrays in order, maps by sorted key; anything else is not iterable.
    private static List<PathItem>? Members(PathItem item) => item.IsLiteral ? null : item.Node switch
    {
        JsonArray array => [.. array.Select(PathItem.FromNode)],
        JsonObject map => [.. map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => PathItem.FromNode(p.Value))],
        _ => null,
    };

    /// <summary>The values a step produced, and whether it failed (upstream returned an error).</summary>
    private readonly record struct Outcome(List<PathItem> Items, bool Failed)
    {
        public static Outcome Ok(List<PathItem> items) => new(items, false);

        public static Outcome Fail(List<PathItem> items) => new(items, true);
    }
}
