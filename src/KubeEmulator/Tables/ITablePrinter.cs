using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>Server-side printing of one resource: its columns and the cells of one object.</summary>
internal interface ITablePrinter
{
    IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>
    /// True for the apiserver's default convertor, which leaves <c>rows</c> nil (serialized
    /// <c>null</c>) when there is nothing to print; the printers of built-ins and custom resources
    /// produce <c>[]</c>.
    /// </summary>
    bool RowsNullWhenEmpty { get; }

    /// <summary>The row for <paramref name="obj"/>; ages are measured against <paramref name="now"/>.</summary>
    PrintedRow Print(JsonObject obj, DateTimeOffset now);
}
