using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// What the apiserver compares against when an object is created: a freshly allocated Go object
/// converted to JSON. For built-in kinds that holds the non-pointer structs and the fields without
/// <c>omitempty</c> (a Pod has <c>spec: {containers: null}</c>, <c>status: {}</c>), which is why
/// managedFields of created built-ins show no <c>.</c> under <c>f:spec</c> while custom resources,
/// created from an empty map, do.
/// </summary>
internal static class EmptyObjects
{
    private static readonly Dictionary<(string Group, string Kind), string> Templates = new()
    {
        [(string.Empty, "Pod")] = """{"metadata":{},"spec":{"containers":null},"status":{}}""",
        [(string.Empty, "Service")] = """{"metadata":{},"spec":{},"status":{"loadBalancer":{}}}""",
        [(string.Empty, "Namespace")] = """{"metadata":{},"spec":{},"status":{}}""",
        [(string.Empty, "ConfigMap")] = """{"metadata":{}}""",
        [(string.Empty, "Secret")] = """{"metadata":{}}""",
        [(string.Empty, "Event")] =
            """{"metadata":{},"involvedObject":{},"source":{},"firstTimestamp":null,"lastTimestamp":null,"eventTime":null,"reportingComponent":"","reportingInstance":""}""",
        [("events.k8s.io", "Event")] =
            """{"metadata":{},"eventTime":null,"regarding":{},"deprecatedSource":{},"deprecatedFirstTimestamp":null,"deprecatedLastTimestamp":null}""",
        [("coordination.k8s.io", "Lease")] = """{"metadata":{},"spec":{}}""",
        [("networking.k8s.io", "Ingress")] = """{"metadata":{},"spec":{},"status":{"loadBalancer":{}}}""",
        [("apiextensions.k8s.io", "CustomResourceDefinition")] =
            """{"metadata":{},"spec":{"group":"","names":{"plural":"","kind":""},"scope":"","versions":null},"status":{"conditions":null,"acceptedNames":{"plural":"","kind":""},"storedVersions":null}}""",
    };

    /// <summary>The empty object of a kind; custom resources and unknown kinds start from nothing.</summary>
    public static JsonObject For(string group, string kind, bool isCustom) =>
        !isCustom && Templates.TryGetValue((group ?? string.Empty, kind ?? string.Empty), out var json)
            ? JsonNode.Parse(json)!.AsObject()
            : [];
}
