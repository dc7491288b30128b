using System.Text.Json;

namespace SiteMaintenance.Benchmarks.Observing;

/// <summary>One object as a watch event delivered it, and when it arrived (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Object">The object.</param>
/// <param name="ArrivedAt">When the event's line was read.</param>
internal sealed record Observed(string Type, JsonElement Object, long ArrivedAt)
{
    public bool IsDeleted => Type == "DELETED";

    /// <summary>A string at a path of the object; null when absent.</summary>
    public string? String(params string[] path)
    {
        var element = Object;
        foreach (var key in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    /// <summary>A number at a path of the object; null when absent.</summary>
    public long? Number(params string[] path)
    {
        var element = Object;
        foreach (var key in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.Number ? element.GetInt64() : null;
    }

    /// <summary>The site's <c>status.phase</c>.</summary>
    public string? Phase => IsDeleted ? null : String("status", "phase");

    /// <summary>True when the status reports the current generation.</summary>
    public bool StatusIsCurrent => Number("status", "observedGeneration") is { } observed && observed == Number("metadata", "generation");

    /// <summary>An annotation's value; null when absent.</summary>
    public string? Annotation(string key) => String("metadata", "annotations", key);
}
