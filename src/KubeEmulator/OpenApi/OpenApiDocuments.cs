using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.OpenApi;

/// <summary>
/// Enough OpenAPI v3 for kubectl's apply/create/replace with server-side field validation: an
/// index of group-versions, and per group-version the PATCH/PUT/POST operations of each kind
/// (with <c>x-kubernetes-group-version-kind</c>, the <c>fieldValidation</c> parameter, and the
/// patch media types) plus a schema per kind (custom resources: their CRD schema). Strategic
/// merge patch is deliberately not listed: without complete built-in schemas kubectl would
/// compute patches from these and get them wrong.
/// </summary>
public static class OpenApiDocuments
{
    private static readonly string[] PatchMediaTypes = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];

    public static JsonObject Index(ResourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var paths = new JsonObject();
        foreach (var (key, _) in GroupVersions(registry))
        {
            var doc = Document(registry, key.Group, key.Version)!;
            paths[PathKey(key.Group, key.Version)] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{PathKey(key.Group, key.Version)}?hash={Hash(doc)}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document of one group-version (<c>api/v1</c>, <c>apis/g/v</c>), or null when it is not served.</summary>
    public static JsonObject? Document(ResourceRegistry registry, string group, string version)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var types = registry.InGroupVersion(group, version);
        if (types.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var t in types)
        {
            var definition = DefinitionName(t);
            schemas[definition] = Schema(t);
            var gvk = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind };
            var prefix = (t.Group.Length == 0 ? "/api/v1" : $"/apis/{t.Group}/{t.Version}") + (t.Namespaced ? "/namespaces/{namespace}" : string.Empty);
            paths[$"{prefix}/{t.Plural}"] = new JsonObject
            {
                ["post"] = Operation("create", gvk, definition, ["application/json", "application/yaml"]),
            };
            paths[$"{prefix}/{t.Plural}/{{name}}"] = new JsonObject
            {
                ["put"] = Operation("replace", gvk, definition, ["application/json", "application/yaml"]),
                ["patch"] = Operation("patch", gvk, definition, PatchMediaTypes),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.9" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>
    /// A Swagger 2.0 document with a definition per kind (JSON only): enough for clients that
    /// fall back to <c>/openapi/v2</c> to find each kind's group-version-kind.
    /// </summary>
    public static JsonObject SwaggerV2(ResourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var definitions = new JsonObject();
        foreach (var t in registry.All)
        {
            var schema = Schema(t);
            definitions[DefinitionName(t)] = schema;
        }

        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.9" },
            ["paths"] = new JsonObject(),
            ["definitions"] = definitions,
        };
    }

    public static string PathKey(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    private static IEnumerable<KeyValuePair<(string Group, string Version), bool>> GroupVersions(ResourceRegistry registry) =>
        registry.All.Select(t => (t.Group, t.Version)).Distinct().Select(k => new KeyValuePair<(string, string), bool>(k, true));

    private static string Hash(JsonObject doc) =>
        Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(doc.ToJsonString())));

    private static string DefinitionName(ResourceType t)
    {
        if (t.IsCustom)
        {
            var reversed = string.Join('.', t.Group.Split('.').Reverse());
            return $"{reversed}.{t.Version}.{t.Kind}";
        }

        var package = t.Group.Length == 0 ? "core" : t.Group.Split('.')[0];
        return $"io.k8s.api.{package}.{t.Version}.{t.Kind}";
    }

    private static JsonObject Schema(ResourceType t)
    {
        var gvk = new JsonArray(new JsonObject { ["group"] = t.Group, ["kind"] = t.Kind, ["version"] = t.Version });
        if (t.Schema is { } schema)
        {
            var copy = (JsonObject)schema.Source.DeepClone();
            var properties = copy.Obj("properties");
            properties["apiVersion"] ??= new JsonObject { ["type"] = "string" };
            properties["kind"] ??= new JsonObject { ["type"] = "string" };
            properties["metadata"] = new JsonObject { ["type"] = "object" };
            copy["x-kubernetes-group-version-kind"] = gvk;
            return copy;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"{t.Kind} ({t.GroupVersion})",
            ["x-kubernetes-group-version-kind"] = gvk,
        };
    }

    private static JsonObject Operation(string action, JsonObject gvk, string definition, IEnumerable<string> mediaTypes)
    {
        var content = new JsonObject();
        foreach (var mediaType in mediaTypes)
        {
            content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{definition}" } };
        }

        var parameters = new JsonArray(
            Parameter("dryRun", "string"),
            Parameter("fieldManager", "string"),
            Parameter("fieldValidation", "string"));
        if (action == "patch")
        {
            parameters.Add(Parameter("force", "boolean"));
        }

        return new JsonObject
        {
            ["x-kubernetes-action"] = action == "replace" ? "put" : action == "create" ? "post" : "patch",
            ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
            ["parameters"] = parameters,
            ["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true },
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{definition}" } } },
                },
            },
        };
    }

    private static JsonObject Parameter(string name, string type) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };
}
