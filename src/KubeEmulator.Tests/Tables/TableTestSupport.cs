using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Tables;

namespace SiteMaintenance.Emulator.Tests.Tables;

/// <summary>Resource types, a fixed clock and shortcuts for reading Tables in tests.</summary>
internal static class TableTestSupport
{
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

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    public static JsonObject Table(ResourceType type, params JsonObject[] objects) =>
        TableConverter.ToTable(type, objects, new TableOptions(IncludeObjectPolicy.Metadata, Now));

    /// <summary>The cells of the only row, as compact JSON (numbers stay numbers, null stays null).</summary>
    public static string Cells(ResourceType type, JsonObject obj) => Table(type, obj)["rows"]![0]!["cells"]!.ToJsonString();

    public static List<string> ColumnNames(JsonObject table) =>
        [.. table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())];
}
