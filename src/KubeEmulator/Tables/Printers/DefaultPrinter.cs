using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>
/// The apiserver's default table convertor (<c>rest.NewDefaultTableConvertor</c>), used for kinds
/// without a printer, CustomResourceDefinitions among them: Name and Created At (a <c>date</c>
/// column whose cell is the RFC 3339 creation time).
/// </summary>
internal sealed class DefaultPrinter : ITablePrinter
{
    public static DefaultPrinter Instance { get; } = new();

    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        CommonColumns.Name,
        new("Created At", "date", ColumnDescriptions.CreationTimestamp),
    ];

    public bool RowsNullWhenEmpty => true;

    public PrintedRow Print(JsonObject obj, DateTimeOffset now)
    {
        // Go formats the zero time too: 0001-01-01T00:00:00Z.
        var created = KubeTime.Read(obj, "metadata", "creationTimestamp") ?? DateTimeOffset.MinValue;
        return new PrintedRow([CommonColumns.NameOf(obj), created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)]);
    }
}
