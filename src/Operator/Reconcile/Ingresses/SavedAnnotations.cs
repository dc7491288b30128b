using System.Text.Json;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Reconcile.Ingresses;

/// <summary>
/// The value of <see cref="Domain.WellKnown.SavedAnnotations"/>: a JSON object of the annotation
/// keys a switch changed and their values before it (null: the key was absent). Keys are written
/// in ordinal order so that the same record always serializes the same.
/// </summary>
internal static class SavedAnnotations
{
    /// <summary>Serializes <paramref name="saved"/>.</summary>
    public static string Serialize(IReadOnlyDictionary<string, string?> saved)
    {
        var ordered = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in saved.Keys.Order(StringComparer.Ordinal))
        {
            ordered[key] = saved[key];
        }

        return JsonSerializer.Serialize(ordered, OperatorJsonContext.Default.DictionaryStringString);
    }

    /// <summary>Parses a record; false when <paramref name="json"/> is absent or not a JSON object of strings and nulls.</summary>
    public static bool TryParse(string? json, out Dictionary<string, string?> saved)
    {
        saved = [];
        if (string.IsNullOrEmpty(json))
        {
            return false;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(json, OperatorJsonContext.Default.DictionaryStringString);
            if (parsed is null)
            {
                return false;
            }

            saved = new Dictionary<string, string?>(parsed, StringComparer.Ordinal);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>True when both records hold the same keys with the same values.</summary>
    public static bool SameAs(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && other == pair.Value);
}
