namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>
/// The request a failure belongs to, in RBAC's terms: the verb, the namespace (null: all
/// namespaces) and the object's name (null for lists and creates).
/// </summary>
internal sealed record ApiRequest(string Verb, string? Namespace, string? Name = null);
