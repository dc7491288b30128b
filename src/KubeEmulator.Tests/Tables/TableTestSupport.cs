using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Tables;

namespace SiteMaintenance.Emulator.Tests.Tables;

/// <summary>Resource types, a fixed clock and shortcuts for reading Tables in tests.</summary>
internal static class TableTestSupport
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ResourceType Builtin(string group, string kind, string plural, string version = "v1") => new()
    {
        Group = group,
        Version = version,
        Kind = kind,
        Plural = plural,
        Singular = kind.ToLowerInvariant(),
        Namespaced = true,
    };

    public static ResourceType Custom(JsonArray? printerColumns) => new()
    {
        Group = "ops.example.com",
        Version = "v1",
        Kind = "SiteMaintenance",
        Plural = "sitemaintenances",
        Singular = "sitemaintenance",
        Namespaced = true,
        IsCustom = true,
        PrinterColumns = printerColumns,
    };

    /// <summary>An RFC 3339 timestamp <paramref name="ago"/> before <see cref="Now"/>.</summary>
    public static string Ago(TimeSpan ago) => (Now - ago).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A MicroTime (six fraction digits) <paramref name="ago"/> before <see cref="Now"/>.</summary>
    public static string MicroAgo(TimeSpan ago) => (Now - ago).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    public static JsonObject Table(ResourceType type, params JsonObject[] objects) =>
        TableConverter.ToTable(type, objects, new TableOptions(IncludeObjectPolicy.Metadata, Now));

    /// <summary>The cells of the only row, as compact JSON (numbers stay numbers, null stays null).</summary>
    public static string Cells(ResourceType type, JsonObject obj) => Compact(Table(type, obj)["rows"]![0]!["cells"]);

    /// <summary>Compact JSON without HTML-escaping, so that "&lt;none&gt;" reads as written.</summary>
    public static string Compact(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";

    public static List<string> ColumnNames(JsonObject table) =>
        [.. table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())];
}
