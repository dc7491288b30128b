using System.Text;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>Secrets: type Opaque by default, base64 data, <c>stringData</c> folded into data, immutable type.</summary>
public sealed class SecretStrategy : KindStrategy
{
    public override IReadOnlySet<string>? TopLevelFields { get; } = new HashSet<string> { "apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable" };

    public override void PrepareForCreate(JsonObject obj, WriteContext context) => Prepare(obj);

    public override void PrepareForUpdate(JsonObject obj, JsonObject old, WriteContext context) => Prepare(obj);

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                foreach (var msg in NameRules.ConfigMapKey(key))
                {
                    yield return FieldCause.Invalid($"data[{key}]", GoQuote.Quote(key), msg);
                }

                var text = value.Str() ?? string.Empty;
                Span<byte> buffer = new byte[text.Length];
                if (!Convert.TryFromBase64String(text, buffer, out _))
                {
                    throw ApiException.BadRequest($"Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte {FirstBadByte(text)}");
                }
            }
        }

        if (old is not null && old["type"].Str() != obj["type"].Str())
        {
            yield return FieldCause.Invalid("type", GoQuote.Quote(obj["type"].Str() ?? string.Empty), "field is immutable");
        }

        if (old?["immutable"]?.GetValue<bool>() == true && !JsonNode.DeepEquals(obj["data"], old["data"]))
        {
            yield return FieldCause.Forbidden("data", "field is immutable when `immutable` is set");
        }
    }

    public override void AddFields(JsonObject stored, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fields);
        fields["type"] = FieldString(stored["type"]);
    }

    private static void Prepare(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj["type"] ??= "Opaque";
        if (obj["stringData"] is JsonObject stringData)
        {
            var data = obj.Obj("data");
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value.Str() ?? string.Empty));
            }

            obj.Remove("stringData");
        }
    }

    private static int FirstBadByte(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return i;
            }
        }

        return text.Length;
    }
}
