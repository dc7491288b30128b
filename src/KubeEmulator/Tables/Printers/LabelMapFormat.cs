using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary><c>labels.FormatLabels</c>: <c>k=v</c> pairs sorted by key, or <c>&lt;none&gt;</c>.</summary>
internal static class LabelMapFormat
{
    public static string Format(JsonObject? map)
    {
        if (map is null || map.Count == 0)
        {
            return "<none>";
        }

        return string.Join(",", map
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + (p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : p.Value?.ToJsonString() ?? string.Empty)));
    }
}
