using System.Text;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>ConfigMaps: valid keys, string values, 1 MiB total, <c>immutable</c>.</summary>
public sealed class ConfigMapStrategy : KindStrategy
{
    public const int MaxBytes = 1024 * 1024;

    public override IReadOnlySet<string>? TopLevelFields { get; } = new HashSet<string> { "apiVersion", "kind", "metadata", "data", "binaryData", "immutable" };

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var size = 0;
        foreach (var section in new[] { "data", "binaryData" })
        {
            if (obj[section] is not JsonObject data)
            {
                continue;
            }

            foreach (var (key, value) in data)
            {
                foreach (var msg in NameRules.ConfigMapKey(key))
                {
                    yield return FieldCause.Invalid($"{section}[{key}]", GoQuote.Quote(key), msg);
                }

                if (value.Str() is not { } text)
                {
                    throw ApiException.BadRequest($"ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal {value?.GetValueKind().ToString().ToLowerInvariant() ?? "null"} into Go struct field ConfigMap.{section} of type string");
                }

                size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(text);
            }
        }

        if (obj["data"] is JsonObject d && obj["binaryData"] is JsonObject b)
        {
            foreach (var key in d.Select(p => p.Key).Where(k => b.ContainsKey(k)))
            {
                yield return FieldCause.Invalid($"data[{key}]", GoQuote.Quote(key), "duplicate of key present in binaryData");
            }
        }

        if (size > MaxBytes)
        {
            yield return new FieldCause("FieldValueTooLong", $"Too long: must have at most {MaxBytes} bytes", string.Empty);
        }

        if (old?["immutable"]?.GetValue<bool>() == true)
        {
            if (!JsonNode.DeepEquals(obj["data"], old["data"]) || !JsonNode.DeepEquals(obj["binaryData"], old["binaryData"]))
            {
                yield return FieldCause.Forbidden("data", "field is immutable when `immutable` is set");
            }

            if (obj["immutable"]?.GetValue<bool>() != true)
            {
                yield return FieldCause.Forbidden("immutable", "field is immutable when `immutable` is set");
            }
        }
    }
}
