using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>A printer whose row is one function of the object: the simple built-in kinds.</summary>
internal sealed class DelegatePrinter(IReadOnlyList<TableColumn> columns, Func<JsonObject, DateTimeOffset, JsonArray> cells) : ITablePrinter
{
    public IReadOnlyList<TableColumn> Columns => columns;

    public bool RowsNullWhenEmpty => false;

    public PrintedRow Print(JsonObject obj, DateTimeOffset now) => new(cells(obj, now));
}
