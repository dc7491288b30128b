// CONTRACT STUBS: replaced by the tables module's implementation (one file per class).
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>What a Table row's <c>object</c> carries (<c>includeObject</c> query parameter).</summary>
public enum IncludeObjectPolicy
{
    None,
    Metadata,
    Object,
}

/// <summary>Options of one Table conversion.</summary>
public sealed record TableOptions(IncludeObjectPolicy IncludeObject, DateTimeOffset Now, bool IncludeColumnDefinitions = true);

/// <summary>Server-side printing: objects to a <c>meta.k8s.io/v1</c> Table.</summary>
public static class TableConverter
{
    /// <summary>
    /// Builds a Table (kind, apiVersion, columnDefinitions unless suppressed, rows). The caller sets
    /// <c>metadata</c> (resourceVersion, continue).
    /// </summary>
    public static JsonObject ToTable(ResourceType type, IEnumerable<JsonObject> objects, TableOptions options) =>
        throw new NotImplementedException();
}

/// <summary>The JSONPath subset used by CRD printer columns (e.g. <c>.status.phase</c>).</summary>
public static class JsonPathExpression
{
    public static IReadOnlyList<JsonNode?> Evaluate(JsonNode root, string path) => throw new NotImplementedException();
}

/// <summary>apimachinery's <c>duration.HumanDuration</c> (what the Age column prints).</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan duration) => throw new NotImplementedException();
}
