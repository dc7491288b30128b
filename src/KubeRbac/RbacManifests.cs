using System.Text.Json.Nodes;

namespace SiteMaintenance.Rbac;

/// <summary>
/// The RBAC objects (Role, ClusterRole, RoleBinding, ClusterRoleBinding) and ServiceAccounts
/// among rendered manifests; every other kind is skipped.
/// </summary>
public sealed record RbacManifests(RbacPolicy Policy, IReadOnlyList<ServiceAccountRef> ServiceAccounts)
{
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";

    public static RbacManifests FromYaml(string yaml) => FromObjects(YamlDocuments.Objects(yaml));

    public static RbacManifests FromObjects(IEnumerable<JsonObject> objects)
    {
        var roles = new List<Role>();
        var bindings = new List<RoleBinding>();
        var accounts = new List<ServiceAccountRef>();
        foreach (var obj in objects)
        {
            var kind = Str(obj["kind"]);
            var apiVersion = Str(obj["apiVersion"]);
            var metadata = obj["metadata"] as JsonObject ?? throw new FormatException($"a {kind} without metadata");
            var name = Str(metadata["name"]);
            var ns = Str(metadata["namespace"]);
            switch (kind)
            {
                case "Role" or "ClusterRole" when apiVersion == RbacApiVersion:
                    roles.Add(ReadRole(obj, kind, name, ns));
                    break;
                case "RoleBinding" or "ClusterRoleBinding" when apiVersion == RbacApiVersion:
                    bindings.Add(ReadBinding(obj, kind, name, ns));
                    break;
                case "ServiceAccount" when apiVersion == "v1":
                    accounts.Add(new ServiceAccountRef(ns.Length > 0 ? ns : "default", name));
                    break;
                case "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding":
                    throw new FormatException($"{kind} {name} has apiVersion {apiVersion}; only {RbacApiVersion} is served");
            }
        }

        return new RbacManifests(new RbacPolicy(roles, bindings), accounts);
    }

    private static Role ReadRole(JsonObject obj, string kind, string name, string ns)
    {
        if (kind == "Role" && ns.Length == 0)
        {
            throw new FormatException($"Role {name} has no namespace");
        }

        var rules = (obj["rules"] as JsonArray ?? []).Select(r => ReadRule((JsonObject)r!)).ToList();
        var labels = (obj["metadata"]!["labels"] as JsonObject ?? []).ToDictionary(l => l.Key, l => Str(l.Value));
        IReadOnlyList<LabelSelector>? selectors = kind == "ClusterRole" && obj["aggregationRule"] is JsonObject aggregation
            ? [.. (aggregation["clusterRoleSelectors"] as JsonArray ?? []).Select(s => ReadSelector((JsonObject)s!))]
            : null;
        return new Role(name, kind == "Role" ? ns : string.Empty, rules) { Labels = labels, AggregationSelectors = selectors };
    }

    private static RoleBinding ReadBinding(JsonObject obj, string kind, string name, string ns)
    {
        if (kind == "RoleBinding" && ns.Length == 0)
        {
            throw new FormatException($"RoleBinding {name} has no namespace");
        }

        var roleRef = obj["roleRef"] as JsonObject ?? throw new FormatException($"{kind} {name} has no roleRef");
        var subjects = (obj["subjects"] as JsonArray ?? []).Select(s => new Subject(Str(s!["kind"]), Str(s["name"]), Str(s["namespace"]))).ToList();
        return new RoleBinding(name, kind == "RoleBinding" ? ns : string.Empty, Str(roleRef["kind"]), Str(roleRef["name"]), subjects);
    }

    private static PolicyRule ReadRule(JsonObject rule) =>
        new(List(rule["verbs"]), List(rule["apiGroups"]), List(rule["resources"]), List(rule["resourceNames"]), List(rule["nonResourceURLs"]));

    private static LabelSelector ReadSelector(JsonObject selector) => new(
        (selector["matchLabels"] as JsonObject ?? []).ToDictionary(l => l.Key, l => Str(l.Value)),
        [.. (selector["matchExpressions"] as JsonArray ?? []).Select(e => new LabelRequirement(Str(e!["key"]), Str(e["operator"]), List(e["values"])))]);

    private static List<string> List(JsonNode? node) => node is JsonArray array ? [.. array.Select(Str)] : [];

    private static string Str(JsonNode? node) => node is JsonValue value ? value.ToString() : string.Empty;
}
