using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>
/// <c>printEvent</c>, shared by core/v1 and events.k8s.io/v1 (one store, one internal type):
/// Last Seen, Type, Reason, Object, Message, and the wide Subobject, Source, First Seen, Count, Name.
/// </summary>
internal sealed class EventPrinter(string servedGroup) : ITablePrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Last Seen", "string", ColumnDescriptions.EventLastSeen),
        new("Type", "string", ColumnDescriptions.EventType),
        new("Reason", "string", ColumnDescriptions.EventReason),
        new("Object", "string", ColumnDescriptions.EventObject),
        new("Subobject", "string", ColumnDescriptions.EventSubobject, Priority: 1),
        new("Source", "string", ColumnDescriptions.EventSource, Priority: 1),
        new("Message", "string", ColumnDescriptions.EventMessage),
        new("First Seen", "string", ColumnDescriptions.EventFirstSeen, Priority: 1),
        new("Count", "string", ColumnDescriptions.EventCount, Priority: 1),
        new("Name", "string", ColumnDescriptions.Name, Format: "name", Priority: 1),
    ];

    public bool RowsNullWhenEmpty => false;

    public PrintedRow Print(JsonObject obj, DateTimeOffset now)
    {
        var e = EventView.Read(obj, EventView.IsEventsApi(obj, servedGroup));

        var firstSeen = e.FirstTimestamp is null ? KubeTime.Since(e.EventTime, now) : KubeTime.Since(e.FirstTimestamp, now);
        var lastSeen = e.LastTimestamp is null ? firstSeen : KubeTime.Since(e.LastTimestamp, now);
        var count = e.Count;
        if (e.Series is not null)
        {
            lastSeen = KubeTime.Since(KubeTime.Read(e.Series, "lastObservedTime"), now);
            count = JsonRead.Int(e.Series, "count");
        }
        else if (count == 0)
        {
            // Singleton events of the new API carry no count.
            count = 1;
        }

        var kind = JsonRead.String(e.InvolvedObject, "kind").ToLowerInvariant();
        var name = JsonRead.String(e.InvolvedObject, "name");
        var target = name.Length > 0 ? string.Create(CultureInfo.InvariantCulture, $"{kind}/{name}") : kind;

        var cells = new JsonArray
        {
            lastSeen,
            e.Type,
            e.Reason,
            target,
            JsonRead.String(e.InvolvedObject, "fieldPath"),
            Source(e),
            e.Message.Trim(),
            firstSeen,
            count,
            e.Name,
        };
        return new PrintedRow(cells);
    }

    // formatEventSource: component (else reportingController), then ", host" (else reportingInstance) when set.
    private static string Source(EventView e)
    {
        var component = JsonRead.String(e.Source, "component") is { Length: > 0 } c ? c : e.ReportingController;
        var instance = JsonRead.String(e.Source, "host") is { Length: > 0 } h ? h : e.ReportingInstance;
        return instance.Length == 0 ? component : component + ", " + instance;
    }
}
