using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Tables.Printers;

/// <summary>Which printer serves a resource type.</summary>
internal static class TablePrinters
{
    private static readonly PodPrinter Pod = new();
    private static readonly ServicePrinter Service = new();
    private static readonly IngressPrinter Ingress = new();
    private static readonly EventPrinter CoreEvent = new(string.Empty);
    private static readonly EventPrinter EventsApiEvent = new("events.k8s.io");

    public static ITablePrinter For(ResourceType type) => type.IsCustom
        ? new CustomResourcePrinter(type.PrinterColumns)
        : (type.Group, type.Kind) switch
        {
            ("", "Pod") => Pod,
            ("", "ConfigMap") => SimpleKindPrinters.ConfigMap,
            ("", "Secret") => SimpleKindPrinters.Secret,
            ("", "Service") => Service,
            ("", "Namespace") => SimpleKindPrinters.Namespace,
            ("", "Event") => CoreEvent,
            ("events.k8s.io", "Event") => EventsApiEvent,
            ("networking.k8s.io", "Ingress") => Ingress,
            ("coordination.k8s.io", "Lease") => SimpleKindPrinters.Lease,
            _ => DefaultPrinter.Instance,
        };
}
