using System.Globalization;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary><c>printPod</c>: Name, Ready, Status, Restarts, Age, and the wide IP, Node, Nominated Node, Readiness Gates.</summary>
internal sealed class PodPrinter : ITablePrinter
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        CommonColumns.Name,
        new("Ready", "string", ColumnDescriptions.PodReady),
        new("Status", "string", ColumnDescriptions.PodStatus),
        new("Restarts", "string", ColumnDescriptions.PodRestarts),
        CommonColumns.Age,
        new("IP", "string", ColumnDescriptions.PodIP, Priority: 1),
        new("Node", "string", ColumnDescriptions.PodNodeName, Priority: 1),
        new("Nominated Node", "string", ColumnDescriptions.PodNominatedNodeName, Priority: 1),
        new("Readiness Gates", "string", ColumnDescriptions.PodReadinessGates, Priority: 1),
    ];

    public bool RowsNullWhenEmpty => false;

    public PrintedRow Print(JsonObject obj, DateTimeOffset now)
    {
        var state = PodRowState.Compute(obj, now);
        var cells = new JsonArray
        {
            CommonColumns.NameOf(obj),
            state.Ready,
            state.Reason,
            state.Restarts,
            CommonColumns.AgeOf(obj, now),
            OrNone(PodIP(obj)),
            OrNone(JsonRead.String(obj, "spec", "nodeName")),
            OrNone(JsonRead.String(obj, "status", "nominatedNodeName")),
            ReadinessGates(obj),
        };
        return new PrintedRow(cells, CompletedCondition(JsonRead.String(obj, "status", "phase")));
    }

    private static string OrNone(string value) => value.Length == 0 ? "<none>" : value;

    // The internal pod carries podIPs only; a v1 pod with just podIP converts to podIPs[0].
    private static string PodIP(JsonObject pod)
    {
        var ips = JsonRead.Array(pod, "status", "podIPs");
        return ips.Count > 0 ? JsonRead.String(ips[0], "ip") : JsonRead.String(pod, "status", "podIP");
    }

    private static string ReadinessGates(JsonObject pod)
    {
        var gates = JsonRead.Objects(pod, "spec", "readinessGates").ToList();
        if (gates.Count == 0)
        {
            return "<none>";
        }

        var conditions = JsonRead.Objects(pod, "status", "conditions").ToList();
        var trueConditions = gates.Count(gate =>
            conditions.FirstOrDefault(c => JsonRead.String(c, "type") == JsonRead.String(gate, "conditionType")) is { } condition &&
            JsonRead.String(condition, "status") == "True");
        return string.Create(CultureInfo.InvariantCulture, $"{trueConditions}/{gates.Count}");
    }

    // Finished pods carry a row condition kubectl uses to hide them without --show-all.
    private static JsonArray? CompletedCondition(string phase) => phase switch
    {
        "Succeeded" => [Condition("Succeeded", "The pod has completed successfully.")],
        "Failed" => [Condition("Failed", "The pod failed.")],
        _ => null,
    };

    private static JsonObject Condition(string reason, string message) => new()
    {
        ["type"] = "Completed",
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = message,
    };
}
