using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Output;

/// <summary>
/// Prints sites as <c>kubectl get -o json|yaml</c> does: one object as itself, several as a
/// <c>v1 List</c>; managedFields left out (kubectl's default); JSON indented by four spaces with
/// keys sorted, as the API server writes custom resources (Go maps) and so kubectl shows them.
/// </summary>
internal static class ObjectPrinter
{
    public static string Print(IReadOnlyList<V1Alpha1SiteMaintenance> sites, OutputFormat format, bool asList)
    {
        ArgumentNullException.ThrowIfNull(sites);
        JsonNode node = asList || sites.Count != 1
            ? new JsonObject
            {
                ["apiVersion"] = "v1",
                ["items"] = new JsonArray([.. sites.Select(ToNode)]),
                ["kind"] = "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
            }
            : ToNode(sites[0]);
        return format == OutputFormat.Yaml ? YamlText.Write(node) : Json(Sorted(node));
    }

    public static JsonObject ToNode(V1Alpha1SiteMaintenance site)
    {
        var node = JsonSerializer.SerializeToNode(site, PluginJsonContext.Default.V1Alpha1SiteMaintenance)!.AsObject();
        (node["metadata"] as JsonObject)?.Remove("managedFields");
        return node;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))
            .ToList()),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    private static string Json(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 4,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
