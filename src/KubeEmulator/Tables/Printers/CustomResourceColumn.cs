using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Tables.JsonPath;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>
/// One <c>additionalPrinterColumns</c> entry and how its cell is typed
/// (<c>apiextensions-apiserver/pkg/registry/customresource/tableconvertor</c>).
/// </summary>
internal sealed record CustomResourceColumn(TableColumn Definition, string JsonPath)
{
    private const string DescriptionPrefix = "Custom resource definition column (in JSONPath format): ";

    /// <summary>The column of one CRD entry; null when its JSONPath does not parse.</summary>
    public static CustomResourceColumn? From(JsonObject entry)
    {
        var path = JsonRead.String(entry, "jsonPath") is { Length: > 0 } p ? p : JsonRead.String(entry, "JSONPath");
        if (!JsonPathExpression.TryParse(path, out _))
        {
            return null;
        }

        var description = JsonRead.String(entry, "description") is { Length: > 0 } d ? d : DescriptionPrefix + path;
        var definition = new TableColumn(
            JsonRead.String(entry, "name"),
            JsonRead.String(entry, "type"),
            description,
            JsonRead.String(entry, "format"),
            (int)JsonRead.Int(entry, "priority"));
        return new CustomResourceColumn(definition, path);
    }

    /// <summary>
    /// The cell: only the first value found counts; nothing found (or an evaluation error) is null.
    /// A <c>string</c> column prints the value as jsonpath would (maps as JSON, a JSON null as
    /// <c>&lt;no value&gt;</c>); other types keep a value only when it has that type.
    /// </summary>
    public JsonNode? Cell(JsonObject obj, DateTimeOffset now)
    {
        var results = JsonPathExpression.EvaluateItems(obj, JsonPath);
        if (results is not { Count: > 0 })
        {
            return null;
        }

        var value = results[0];
        return Definition.Type == "string" ? value.Print() : TypedCell(Definition.Type, value, now);
    }

    // cellForJSONValue. An integer literal of the path is a Go int, which matches neither int64 nor float64.
    private static JsonNode? TypedCell(string type, PathItem value, DateTimeOffset now)
    {
        var kind = value.Literal is long ? GoKind.Nil : value.Kind;
        switch (type)
        {
            case "integer" when kind == GoKind.Int:
                return GoJson.TryGetInt64(value.Node, out var integer) ? integer : null;
            case "integer" when kind == GoKind.Float:
                return (long)Real(value);
            case "number" when kind is GoKind.Int or GoKind.Float:
                return Real(value);
            case "boolean" when kind == GoKind.Bool:
                return value.ToJsonNode()!.DeepClone();
            case "date" when kind == GoKind.String:
                return DateCell(value.Print(), now);
            default:
                return null;
        }
    }

    private static double Real(PathItem value) => value.Literal is double d ? d : GoJson.TryGetDouble(value.Node, out var real) ? real : 0;

    // metav1.Time.UnmarshalQueryParameter, then ConvertToHumanReadableDateType.
    private static string DateCell(string text, DateTimeOffset now)
    {
        if (text.Length == 0 || text == "null")
        {
            return "<unknown>";
        }

        if (!KubeTime.TryParse(text, out var timestamp))
        {
            return "<invalid>";
        }

        return timestamp.UtcTicks == DateTimeOffset.MinValue.UtcTicks ? "<unknown>" : HumanDuration.Format(now - timestamp);
    }
}
