using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>The built-in kinds whose printers only read a field or two.</summary>
internal static class SimpleKindPrinters
{
    /// <summary><c>printConfigMap</c>: Data counts <c>data</c> and <c>binaryData</c> keys.</summary>
    public static ITablePrinter ConfigMap { get; } = new DelegatePrinter(
        [CommonColumns.Name, new("Data", "string", ColumnDescriptions.ConfigMapData), CommonColumns.Age],
        (obj, now) => [CommonColumns.NameOf(obj), (long)(JsonRead.Count(obj, "data") + JsonRead.Count(obj, "binaryData")), CommonColumns.AgeOf(obj, now)]);

    /// <summary><c>printSecret</c>: Type and the number of <c>data</c> keys.</summary>
    public static ITablePrinter Secret { get; } = new DelegatePrinter(
        [CommonColumns.Name, new("Type", "string", ColumnDescriptions.SecretType), new("Data", "string", ColumnDescriptions.SecretData), CommonColumns.Age],
        (obj, now) => [CommonColumns.NameOf(obj), JsonRead.String(obj, "type"), (long)JsonRead.Count(obj, "data"), CommonColumns.AgeOf(obj, now)]);

    /// <summary><c>printNamespace</c>: Status is <c>status.phase</c>.</summary>
    public static ITablePrinter Namespace { get; } = new DelegatePrinter(
        [CommonColumns.Name, new("Status", "string", ColumnDescriptions.NamespaceStatus), CommonColumns.Age],
        (obj, now) => [CommonColumns.NameOf(obj), JsonRead.String(obj, "status", "phase"), CommonColumns.AgeOf(obj, now)]);

    /// <summary><c>printLease</c>: Holder is <c>spec.holderIdentity</c> (empty when unset).</summary>
    public static ITablePrinter Lease { get; } = new DelegatePrinter(
        [CommonColumns.Name, new("Holder", "string", ColumnDescriptions.LeaseHolder), CommonColumns.Age],
        (obj, now) => [CommonColumns.NameOf(obj), JsonRead.String(obj, "spec", "holderIdentity"), CommonColumns.AgeOf(obj, now)]);
}
