using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Discovery;

/// <summary>
/// The discovery documents: <c>/version</c>, legacy <c>/api</c>, <c>/apis</c> and per
/// group-version resource lists, and aggregated discovery (apidiscovery.k8s.io v2 and v2beta1).
/// </summary>
public static class DiscoveryDocuments
{
    public const string AggregatedV2ContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    public const string AggregatedV2Beta1ContentType = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    private static readonly string[] StatusVerbs = ["get", "patch", "update"];
    private static readonly string[] FinalizeVerbs = ["update"];

    public static JsonObject Version(string minor) => new()
    {
        ["major"] = "1",
        ["minor"] = minor,
        ["emulationMajor"] = "1",
        ["emulationMinor"] = minor,
        ["minCompatibilityMajor"] = "1",
        ["minCompatibilityMinor"] = minor,
        ["gitVersion"] = $"v1.{minor}.9",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-09-10T00:00:00Z",
        ["goVersion"] = "go1.23.12",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject LegacyCoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject LegacyGroupList(ResourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = new JsonArray([.. registry.Groups.Where(g => g.Name.Length > 0).Select(g => (JsonNode)Group(g))]),
        };
    }

    public static JsonObject Group(ApiGroupInfo group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group.Name,
            ["versions"] = new JsonArray([.. group.Versions.Select(v => (JsonNode)GroupVersion(group.Name, v))]),
            ["preferredVersion"] = GroupVersion(group.Name, group.PreferredVersion),
        };
    }

    public static JsonObject ResourceList(string group, string version, IReadOnlyList<ResourceType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var resources = new JsonArray();
        foreach (var t in types)
        {
            var entry = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = Strings(t.Verbs),
            };
            if (t.ShortNames.Count > 0)
            {
                entry["shortNames"] = Strings(t.ShortNames);
            }

            if (t.Categories.Count > 0)
            {
                entry["categories"] = Strings(t.Categories);
            }

            resources.Add(entry);
            foreach (var (sub, verbs) in Subresources(t))
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{t.Plural}/{sub}",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = t.Kind,
                    ["verbs"] = Strings(verbs),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>An APIGroupDiscoveryList for the core group (<paramref name="core"/>) or every other group.</summary>
    public static JsonObject Aggregated(ResourceRegistry registry, bool core, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var items = new JsonArray();
        foreach (var group in registry.Groups.Where(g => (g.Name.Length == 0) == core))
        {
            var versions = new JsonArray();
            foreach (var version in group.Versions)
            {
                var resources = new JsonArray();
                foreach (var t in registry.InGroupVersion(group.Name, version))
                {
                    resources.Add(AggregatedResource(t));
                }

                versions.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }

            var metadata = new JsonObject { ["creationTimestamp"] = null };
            if (group.Name.Length > 0)
            {
                metadata["name"] = group.Name;
            }

            items.Add(new JsonObject { ["metadata"] = metadata, ["versions"] = versions });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = apiVersion,
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonObject AggregatedResource(ResourceType t)
    {
        var responseKind = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind };
        var entry = new JsonObject
        {
            ["resource"] = t.Plural,
            ["responseKind"] = responseKind,
            ["scope"] = t.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = t.Singular,
            ["verbs"] = Strings(t.Verbs),
        };
        if (t.ShortNames.Count > 0)
        {
            entry["shortNames"] = Strings(t.ShortNames);
        }

        if (t.Categories.Count > 0)
        {
            entry["categories"] = Strings(t.Categories);
        }

        var subresources = new JsonArray();
        foreach (var (sub, verbs) in Subresources(t))
        {
            subresources.Add(new JsonObject
            {
                ["subresource"] = sub,
                ["responseKind"] = responseKind.DeepClone(),
                ["verbs"] = Strings(verbs),
            });
        }

        if (subresources.Count > 0)
        {
            entry["subresources"] = subresources;
        }

        return entry;
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Verbs)> Subresources(ResourceType t)
    {
        if (t.HasStatusSubresource)
        {
            yield return ("status", StatusVerbs);
        }

        foreach (var extra in t.ExtraSubresources)
        {
            yield return (extra, FinalizeVerbs);
        }
    }

    private static JsonObject GroupVersion(string group, string version) =>
        new() { ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}", ["version"] = version };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
