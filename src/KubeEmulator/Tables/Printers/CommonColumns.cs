using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>Columns most printers share.</summary>
internal static class CommonColumns
{
    public static readonly TableColumn Name = new("Name", "string", ColumnDescriptions.Name, Format: "name");

    /// <summary>The built-in printers' Age: a preformatted string, not a <c>date</c>.</summary>
    public static readonly TableColumn Age = new("Age", "string", ColumnDescriptions.CreationTimestamp);

    public static string NameOf(JsonObject obj) => JsonRead.String(obj, "metadata", "name");

    public static string AgeOf(JsonObject obj, DateTimeOffset now) =>
        KubeTime.Since(KubeTime.Read(obj, "metadata", "creationTimestamp"), now);
}
