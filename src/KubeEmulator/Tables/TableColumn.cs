using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables;

/// <summary>A <c>meta.k8s.io/v1 TableColumnDefinition</c>; every field is always serialized.</summary>
internal sealed record TableColumn(string Name, string Type, string Description, string Format = "", int Priority = 0)
{
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
