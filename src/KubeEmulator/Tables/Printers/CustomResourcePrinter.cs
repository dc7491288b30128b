using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>
/// The table of a custom resource: Name, then the version's <c>additionalPrinterColumns</c>, or an
/// Age <c>date</c> column when the CRD declares none (the apiserver's serving-time default).
/// </summary>
/// <remarks>
/// As upstream's <c>tableconvertor.New</c>, a column whose JSONPath does not parse ends the column
/// list there: it and the columns after it are dropped.
/// </remarks>
internal sealed class CustomResourcePrinter : ITablePrinter
{
    private static readonly JsonObject DefaultAgeColumn = new()
    {
        ["name"] = "Age",
        ["type"] = "date",
        ["description"] = ColumnDescriptions.CreationTimestamp,
        ["jsonPath"] = ".metadata.creationTimestamp",
    };

    private readonly List<CustomResourceColumn> _columns = [];

    public CustomResourcePrinter(JsonArray? printerColumns)
    {
        var entries = printerColumns is { Count: > 0 } ? printerColumns.Select(e => e as JsonObject ?? []) : [DefaultAgeColumn];
        foreach (var entry in entries)
        {
            if (CustomResourceColumn.From(entry) is not { } column)
            {
                break;
            }

            _columns.Add(column);
        }

        Columns = [CommonColumns.Name, .. _columns.Select(c => c.Definition)];
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public bool RowsNullWhenEmpty => false;

    public PrintedRow Print(JsonObject obj, DateTimeOffset now)
    {
        var cells = new JsonArray { CommonColumns.NameOf(obj) };
        foreach (var column in _columns)
        {
            cells.Add(column.Cell(obj, now));
        }

        return new PrintedRow(cells);
    }
}
