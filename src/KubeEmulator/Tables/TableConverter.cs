using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Tables.Printers;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>Server-side printing: objects to a <c>meta.k8s.io/v1</c> Table.</summary>
/// <remarks>
/// Built-ins print as <c>pkg/printers/internalversion</c> does with the server's wide output (every
/// column, priority-1 ones included, which kubectl shows only with <c>-o wide</c>); custom
/// resources use their printer columns; other kinds get the default Name/Created At table.
/// </remarks>
public static class TableConverter
{
    /// <summary>
    /// Builds a Table (kind, apiVersion, columnDefinitions unless suppressed, rows). The caller sets
    /// <c>metadata</c> (resourceVersion, continue).
    /// </summary>
    public static JsonObject ToTable(ResourceType type, IEnumerable<JsonObject> objects, TableOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(options);

        var printer = TablePrinters.For(type);
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var printed = printer.Print(obj, options.Now);
            var row = new JsonObject { ["cells"] = printed.Cells };
            if (printed.Conditions is { Count: > 0 })
            {
                row["conditions"] = printed.Conditions;
            }

            row["object"] = RowObject.For(obj, options.IncludeObject);
            rows.Add(row);
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject(),
            ["columnDefinitions"] = options.IncludeColumnDefinitions ? new JsonArray([.. printer.Columns.Select(c => (JsonNode)c.ToJson())]) : null,
            ["rows"] = rows.Count == 0 && printer.RowsNullWhenEmpty ? null : rows,
        };
    }
}
