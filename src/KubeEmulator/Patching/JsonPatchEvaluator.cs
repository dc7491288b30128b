using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// Runs one JSON patch operation the way gopkg.in/evanphx/json-patch.v4 (the apiserver's
/// library) does, deviations from RFC 6902 included: negative array indices count from the end,
/// <c>replace</c> of a missing object member adds it, <c>test</c> of a missing member against
/// <c>null</c> passes, a missing <c>value</c> means null, and the first segment of a path is
/// ignored (so <c>"a/b"</c> means <c>"/b"</c>). JSON Pointer escapes <c>~1</c> and <c>~0</c>
/// are decoded left to right.
/// </summary>
internal static class JsonPatchEvaluator
{
    /// <summary>Applies <paramref name="op"/> to <paramref name="document"/> in place; false when the operation fails.</summary>
    public static bool TryApply(ref JsonNode document, JsonObject? op)
    {
        var kind = StringField(op, "op") ?? "unknown";
        return kind switch
        {
            "add" => Add(document, op!),
            "remove" => Remove(document, op!),
            "replace" => Replace(ref document, op!),
            "move" => Move(document, op!),
            "test" => Test(document, op!),
            "copy" => Copy(document, op!),
            _ => false,
        };
    }

    private static bool Add(JsonNode document, JsonObject op) =>
        StringField(op, "path") is { } path
        && FindContainer(document, path) is var (container, key) && container is not null
        && AddAt(container, key, JsonNodes.Copy(op["value"]));

    private static bool Remove(JsonNode document, JsonObject op) =>
        StringField(op, "path") is { } path
        && FindContainer(document, path) is var (container, key) && container is not null
        && RemoveAt(container, key);

    private static bool Replace(ref JsonNode document, JsonObject op)
    {
        if (StringField(op, "path") is not { } path)
        {
            return false;
        }

        if (path.Length == 0)
        {
            var value = op["value"];
            if (value is not (JsonObject or JsonArray))
            {
                return false;
            }

            document = value.DeepClone();
            return true;
        }

        var (container, key) = FindContainer(document, path);
        if (container is null || !TryGet(container, key, out _))
        {
            return false;
        }

        var replacement = JsonNodes.Copy(op["value"]);
        if (container is JsonObject obj)
        {
            obj[key] = replacement;
            return true;
        }

        var array = (JsonArray)container;
        _ = TryParseGoInt(key, out var index); // validated by TryGet above
        array[index < 0 ? index + array.Count : index] = replacement;
        return true;
    }

    private static bool Move(JsonNode document, JsonObject op)
    {
        if (StringField(op, "from") is not { } from)
        {
            return false;
        }

        var (source, sourceKey) = FindContainer(document, from);
        if (source is null || !TryGet(source, sourceKey, out var value))
        {
            return false;
        }

        var moved = JsonNodes.Copy(value);
        if (!RemoveAt(source, sourceKey) || StringField(op, "path") is not { } path)
        {
            return false;
        }

        var (target, targetKey) = FindContainer(document, path);
        return target is not null && AddAt(target, targetKey, moved);
    }

    private static bool Test(JsonNode document, JsonObject op)
    {
        if (StringField(op, "path") is not { } path)
        {
            return false;
        }

        var hasValue = op.TryGetPropertyValue("value", out var expected);
        if (path.Length == 0)
        {
            return hasValue && expected is not null && RawEquals(document, expected);
        }

        var (container, key) = FindContainer(document, path);
        if (container is null || !TryGet(container, key, out var actual))
        {
            return false;
        }

        if (actual is null)
        {
            return expected is null;
        }

        return hasValue && expected is not null && RawEquals(actual, expected);
    }

    private static bool Copy(JsonNode document, JsonObject op)
    {
        if (StringField(op, "from") is not { } from)
        {
            return false;
        }

        var (source, sourceKey) = FindContainer(document, from);
        if (source is null || !TryGet(source, sourceKey, out var value) || StringField(op, "path") is not { } path)
        {
            return false;
        }

        var (target, targetKey) = FindContainer(document, path);
        return target is not null && AddAt(target, targetKey, JsonNodes.Copy(value));
    }

    /// <summary>The object or array holding the last segment of <paramref name="path"/> (<c>findObject</c>).</summary>
    private static (JsonNode? Container, string Key) FindContainer(JsonNode document, string path)
    {
        var segments = path.Split('/');
        if (segments.Length < 2)
        {
            return (null, string.Empty);
        }

        var current = document;
        foreach (var segment in segments[1..^1])
        {
            if (!TryGet(current, Unescape(segment), out var next) || next is not (JsonObject or JsonArray))
            {
                return (null, string.Empty);
            }

            current = next;
        }

        return (current, Unescape(segments[^1]));
    }

    /// <summary>Reads a member (missing reads as null) or an array item (bad index fails).</summary>
    private static bool TryGet(JsonNode container, string key, out JsonNode? value)
    {
        value = null;
        if (container is JsonObject obj)
        {
            obj.TryGetPropertyValue(key, out value);
            return true;
        }

        var array = (JsonArray)container;
        if (!TryParseGoInt(key, out var index) || index < -array.Count || index >= array.Count)
        {
            return false;
        }

        value = array[index < 0 ? index + array.Count : index];
        return true;
    }

    private static bool AddAt(JsonNode container, string key, JsonNode? value)
    {
        if (container is JsonObject obj)
        {
            obj[key] = value;
            return true;
        }

        var array = (JsonArray)container;
        if (key == "-")
        {
            array.Add(value);
            return true;
        }

        var size = array.Count + 1;
        if (!TryParseGoInt(key, out var index) || index >= size || index < -size)
        {
            return false;
        }

        array.Insert(index < 0 ? index + size : index, value);
        return true;
    }

    private static bool RemoveAt(JsonNode container, string key)
    {
        if (container is JsonObject obj)
        {
            return obj.Remove(key);
        }

        var array = (JsonArray)container;
        if (!TryParseGoInt(key, out var index) || index >= array.Count || index < -array.Count)
        {
            return false;
        }

        array.RemoveAt(index < 0 ? index + array.Count : index);
        return true;
    }

    /// <summary>Go's <c>strconv.Atoi</c>: optional sign, decimal digits, nothing else.</summary>
    private static bool TryParseGoInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>RFC 6901 unescaping: <c>~1</c> → <c>/</c>, <c>~0</c> → <c>~</c>, scanning left to right.</summary>
    private static string Unescape(string segment)
    {
        if (!segment.Contains('~', StringComparison.Ordinal))
        {
            return segment;
        }

        var builder = new StringBuilder(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '~' && i + 1 < segment.Length && segment[i + 1] is '0' or '1')
            {
                builder.Append(segment[i + 1] == '1' ? '/' : '~');
                i++;
            }
            else
            {
                builder.Append(segment[i]);
            }
        }

        return builder.ToString();
    }

    private static string? StringField(JsonObject? op, string name) =>
        op?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The library's equality: structural for objects and arrays, compact JSON text for scalars.</summary>
    private static bool RawEquals(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (JsonObject x, JsonObject y) => x.Count == y.Count
            && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && RawEquals(p.Value, other)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => RawEquals(p.First, p.Second)),
        (JsonValue x, JsonValue y) => string.Equals(x.ToJsonString(), y.ToJsonString(), StringComparison.Ordinal),
        _ => false,
    };
}
