namespace SiteMaintenance.Benchmarks.Cluster;

/// <summary>The API paths the benchmark reads and writes.</summary>
internal static class Paths
{
    public const string Namespaces = "/api/v1/namespaces";

    public const string Crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    /// <summary>SiteMaintenances of every namespace (for watching).</summary>
    public const string AllSites = "/apis/sitemaintenance.io/v1alpha1/sitemaintenances";

    public static string Sites(string ns) => $"/apis/sitemaintenance.io/v1alpha1/namespaces/{ns}/sitemaintenances";

    public static string Site(string ns, string name) => $"{Sites(ns)}/{name}";

    public static string Ingresses(string ns) => $"/apis/networking.k8s.io/v1/namespaces/{ns}/ingresses";

    public static string Leases(string ns) => $"/apis/coordination.k8s.io/v1/namespaces/{ns}/leases";

    public static string Lease(string ns, string name) => $"{Leases(ns)}/{name}";

    public static string Pods(string ns) => $"/api/v1/namespaces/{ns}/pods";

    public static string PodStatus(string ns, string name) => $"{Pods(ns)}/{name}/status";
}
