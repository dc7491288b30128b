namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The merge metadata of the built-in kinds the emulator serves, transcribed from the Go types
/// (<c>k8s.io/api</c> struct tags and list markers). Only fields with a non-default strategy are
/// listed; every other list is replaced by strategic merge patch and atomic for server-side apply.
/// </summary>
internal static class BuiltinSchemas
{
    /// <summary>metav1.ObjectMeta: shared by every kind, custom resources included.</summary>
    public static readonly TypeSchema ObjectMeta = new("ObjectMeta", new Dictionary<string, FieldSpec>
    {
        // patchStrategy:"merge" patchMergeKey:"uid"
        ["ownerReferences"] = FieldSpec.KeyedList("uid"),

        // patchStrategy:"merge", +listType=set
        ["finalizers"] = FieldSpec.ScalarSet(),
    });

    /// <summary>Any kind without kind-specific metadata: only the ObjectMeta rules apply.</summary>
    public static readonly TypeSchema Generic = Root("Object", []);

    private static readonly TypeSchema Container = new("Container", new Dictionary<string, FieldSpec>
    {
        // patchMergeKey:"containerPort"; +listMapKey=containerPort +listMapKey=protocol (default TCP)
        ["ports"] = FieldSpec.KeyedList("containerPort") with
        {
            ListMapKeys = ["containerPort", "protocol"],
            KeyDefaults = new Dictionary<string, string> { ["protocol"] = "TCP" },
        },
        ["env"] = FieldSpec.KeyedList("name"),
        ["volumeMounts"] = FieldSpec.KeyedList("mountPath"),
        ["volumeDevices"] = FieldSpec.KeyedList("devicePath"),
    });

    private static readonly TypeSchema PodSpec = new("PodSpec", new Dictionary<string, FieldSpec>
    {
        ["volumes"] = FieldSpec.KeyedList("name", retainKeys: true),
        ["initContainers"] = FieldSpec.KeyedList("name", Container),
        ["containers"] = FieldSpec.KeyedList("name", Container),
        ["ephemeralContainers"] = FieldSpec.KeyedList("name", Container),
        ["imagePullSecrets"] = FieldSpec.KeyedList("name"),
        ["hostAliases"] = FieldSpec.KeyedList("ip"),
        ["topologySpreadConstraints"] = FieldSpec.KeyedList("topologyKey") with
        {
            ListMapKeys = ["topologyKey", "whenUnsatisfiable"],
        },
        ["schedulingGates"] = FieldSpec.KeyedList("name"),
        ["resourceClaims"] = FieldSpec.KeyedList("name", retainKeys: true),
    });

    private static readonly TypeSchema PodStatus = new("PodStatus", new Dictionary<string, FieldSpec>
    {
        ["conditions"] = FieldSpec.KeyedList("type"),
        ["podIPs"] = FieldSpec.KeyedList("ip"),
        ["hostIPs"] = FieldSpec.KeyedList("ip"),
        ["resourceClaimStatuses"] = FieldSpec.KeyedList("name", retainKeys: true),
    });

    private static readonly TypeSchema ServiceSpec = new("ServiceSpec", new Dictionary<string, FieldSpec>
    {
        // patchMergeKey:"port"; +listMapKey=port +listMapKey=protocol (default TCP)
        ["ports"] = FieldSpec.KeyedList("port") with
        {
            ListMapKeys = ["port", "protocol"],
            KeyDefaults = new Dictionary<string, string> { ["protocol"] = "TCP" },
        },
    });

    private static readonly TypeSchema ConditionsByType = new("Status", new Dictionary<string, FieldSpec>
    {
        ["conditions"] = FieldSpec.KeyedList("type"),
    });

    private static readonly TypeSchema CustomResourceDefinitionStatus = new("CustomResourceDefinitionStatus", new Dictionary<string, FieldSpec>
    {
        // +listType=map +listMapKey=type, but no patchStrategy tag: strategic merge replaces it.
        ["conditions"] = FieldSpec.ApplyOnlyMapList("type"),
    });

    private static readonly Dictionary<(string Group, string Kind), TypeSchema> Roots = new()
    {
        [(string.Empty, "Pod")] = Root("Pod", [("spec", PodSpec), ("status", PodStatus)]),
        [(string.Empty, "Service")] = Root("Service", [("spec", ServiceSpec), ("status", ConditionsByType)]),
        [(string.Empty, "Namespace")] = Root("Namespace", [("status", ConditionsByType)]),
        [("apiextensions.k8s.io", "CustomResourceDefinition")] =
            Root("CustomResourceDefinition", [("status", CustomResourceDefinitionStatus)]),
    };

    /// <summary>The schema of a kind; kinds without special lists (and custom resources) get <see cref="Generic"/>.</summary>
    public static TypeSchema Resolve(string group, string kind) =>
        Roots.GetValueOrDefault((group ?? string.Empty, kind ?? string.Empty), Generic);

    /// <summary>The group of an <c>apiVersion</c> (<c>apps/v1</c> → <c>apps</c>, <c>v1</c> → empty).</summary>
    public static string GroupOf(string? apiVersion)
    {
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash < 0 ? string.Empty : apiVersion![..slash];
    }

    private static TypeSchema Root(string name, (string Field, TypeSchema Type)[] parts)
    {
        var fields = new Dictionary<string, FieldSpec> { ["metadata"] = FieldSpec.Object(ObjectMeta) };
        foreach (var (field, type) in parts)
        {
            fields[field] = FieldSpec.Object(type);
        }

        return new TypeSchema(name, fields);
    }
}
