namespace SiteMaintenance.Emulator.Resources;

/// <summary>The built-in kinds the emulator serves, declared as the real apiserver serves them at v1.32.</summary>
public static class BuiltinResources
{
    private static readonly string[] NamespaceVerbs = ["create", "delete", "get", "list", "patch", "update", "watch"];
    private static readonly string[] CreateOnly = ["create"];

    public static ResourceType Namespaces { get; } = new()
    {
        Group = string.Empty, Version = "v1", Kind = "Namespace", Plural = "namespaces", Singular = "namespace",
        Namespaced = false, ShortNames = ["ns"], Verbs = NamespaceVerbs, HasStatusSubresource = true,
        ExtraFieldSelectors = ["status.phase"], ExtraSubresources = ["finalize"],
    };

    public static ResourceType Pods { get; } = new()
    {
        Group = string.Empty, Version = "v1", Kind = "Pod", Plural = "pods", Singular = "pod",
        Namespaced = true, ShortNames = ["po"], Categories = ["all"], HasStatusSubresource = true,
        ExtraFieldSelectors =
        [
            "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
            "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName",
        ],
    };

    public static ResourceType ConfigMaps { get; } = new()
    {
        Group = string.Empty, Version = "v1", Kind = "ConfigMap", Plural = "configmaps", Singular = "configmap",
        Namespaced = true, ShortNames = ["cm"],
    };

    public static ResourceType Secrets { get; } = new()
    {
        Group = string.Empty, Version = "v1", Kind = "Secret", Plural = "secrets", Singular = "secret",
        Namespaced = true, ExtraFieldSelectors = ["type"],
    };

    public static ResourceType Services { get; } = new()
    {
        Group = string.Empty, Version = "v1", Kind = "Service", Plural = "services", Singular = "service",
        Namespaced = true, ShortNames = ["svc"], Categories = ["all"], HasStatusSubresource = true,
        ExtraFieldSelectors = ["spec.clusterIP", "spec.type"],
    };

    public static ResourceType ServiceAccounts { get; } = new()
    {
        Group = string.Empty, Version = "v1", Kind = "ServiceAccount", Plural = "serviceaccounts", Singular = "serviceaccount",
        Namespaced = true, ShortNames = ["sa"],
    };

    /// <summary>core/v1 Events (field selectors of <c>pkg/registry/core/event</c>).</summary>
    public static ResourceType CoreEvents { get; } = new()
    {
        Group = string.Empty, Version = "v1", Kind = "Event", Plural = "events", Singular = "event",
        Namespaced = true, ShortNames = ["ev"],
        ExtraFieldSelectors =
        [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
            "reason", "reportingComponent", "source", "type",
        ],
    };

    /// <summary>events.k8s.io/v1 Events: the same objects as core Events, another shape.</summary>
    public static ResourceType Events { get; } = new()
    {
        Group = "events.k8s.io", Version = "v1", Kind = "Event", Plural = "events", Singular = "event",
        Namespaced = true, ShortNames = ["ev"], Storage = new Storage.StorageKey(string.Empty, "events"),
        ExtraFieldSelectors =
        [
            "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid",
            "regarding.apiVersion", "regarding.resourceVersion", "regarding.fieldPath",
            "reason", "reportingController", "type",
        ],
    };

    public static ResourceType Leases { get; } = new()
    {
        Group = "coordination.k8s.io", Version = "v1", Kind = "Lease", Plural = "leases", Singular = "lease",
        Namespaced = true,
    };

    public static ResourceType Ingresses { get; } = new()
    {
        Group = "networking.k8s.io", Version = "v1", Kind = "Ingress", Plural = "ingresses", Singular = "ingress",
        Namespaced = true, ShortNames = ["ing"], HasStatusSubresource = true, Generation = GenerationPolicy.Spec,
    };

    public static ResourceType CustomResourceDefinitions { get; } = new()
    {
        Group = "apiextensions.k8s.io", Version = "v1", Kind = "CustomResourceDefinition",
        Plural = "customresourcedefinitions", Singular = "customresourcedefinition",
        Namespaced = false, ShortNames = ["crd", "crds"], Categories = ["api-extensions"],
        HasStatusSubresource = true, Generation = GenerationPolicy.Spec,
    };

    public static ResourceType Deployments { get; } = new()
    {
        Group = "apps", Version = "v1", Kind = "Deployment", Plural = "deployments", Singular = "deployment",
        Namespaced = true, ShortNames = ["deploy"], Categories = ["all"], HasStatusSubresource = true,
        Generation = GenerationPolicy.Spec,
    };

    public static ResourceType PodDisruptionBudgets { get; } = new()
    {
        Group = "policy", Version = "v1", Kind = "PodDisruptionBudget", Plural = "poddisruptionbudgets",
        Singular = "poddisruptionbudget", Namespaced = true, ShortNames = ["pdb"], HasStatusSubresource = true,
        Generation = GenerationPolicy.Spec,
    };

    public static ResourceType Roles { get; } = Rbac("Role", "roles", namespaced: true);

    public static ResourceType RoleBindings { get; } = Rbac("RoleBinding", "rolebindings", namespaced: true);

    public static ResourceType ClusterRoles { get; } = Rbac("ClusterRole", "clusterroles", namespaced: false);

    public static ResourceType ClusterRoleBindings { get; } = Rbac("ClusterRoleBinding", "clusterrolebindings", namespaced: false);

    /// <summary>What <c>kubectl auth can-i</c> creates; answered from the emulator's authorizer.</summary>
    public static ResourceType SelfSubjectAccessReviews { get; } = new()
    {
        Group = "authorization.k8s.io", Version = "v1", Kind = "SelfSubjectAccessReview",
        Plural = "selfsubjectaccessreviews", Singular = "selfsubjectaccessreview", Namespaced = false, Verbs = CreateOnly,
    };

    /// <summary>Every built-in, core group first (the order discovery lists them in).</summary>
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Namespaces, Pods, ConfigMaps, Secrets, Services, ServiceAccounts, CoreEvents,
        Deployments, Events, Leases, Ingresses, PodDisruptionBudgets,
        Roles, RoleBindings, ClusterRoles, ClusterRoleBindings, SelfSubjectAccessReviews,
        CustomResourceDefinitions,
    ];

    private static ResourceType Rbac(string kind, string plural, bool namespaced) => new()
    {
        Group = "rbac.authorization.k8s.io", Version = "v1", Kind = kind, Plural = plural,
        Singular = kind.ToLowerInvariant(), Namespaced = namespaced,
    };
}
