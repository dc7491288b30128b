using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Tables;

namespace SiteMaintenance.Emulator.Http;

/// <summary>Writing API responses: objects, lists, tables, Status errors and warnings.</summary>
internal static class Responses
{
    private static readonly JsonSerializerOptions Indented = new(EmulatorJson.NodeOptions) { WriteIndented = true };

    public static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body, string contentType = "application/json", bool pretty = false)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, pretty ? Indented : EmulatorJson.NodeOptions);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public static Task WriteStatusAsync(HttpContext context, ApiException error) =>
        WriteJsonAsync(context, error.Code, error.ToStatus());

    /// <summary>The Status a plain delete answers with.</summary>
    public static JsonObject DeletedStatus(ResourceType type, JsonObject deleted)
    {
        var details = new JsonObject { ["name"] = deleted["metadata"]?["name"].Str() };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        details["uid"] = deleted["metadata"]?["uid"].Str();
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    /// <summary>Adds <c>Warning: 299 - "..."</c> headers, as the apiserver reports warnings.</summary>
    public static void AddWarnings(HttpContext context, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
    }

    public static JsonObject PartialObjectMetadata(JsonObject obj, string metaVersion) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/" + metaVersion,
        ["metadata"] = obj["metadata"]?.DeepClone(),
    };

    /// <summary>
    /// A typed list. Built-in list items carry no apiVersion/kind (they are typed by the list);
    /// custom resource items keep theirs, as the apiserver serves them.
    /// </summary>
    public static JsonObject List(ResourceType type, IEnumerable<JsonObject> items, long resourceVersion, string? continueToken, long? remaining)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        if (remaining is not null)
        {
            metadata["remainingItemCount"] = remaining;
        }

        var array = new JsonArray();
        foreach (var item in items)
        {
            if (!type.IsCustom)
            {
                item.Remove("apiVersion");
                item.Remove("kind");
            }

            array.Add(item);
        }

        return new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = metadata,
            ["items"] = array,
        };
    }

    /// <summary>Writes one object (or a one-row Table) in the negotiated format.</summary>
    public static Task WriteObjectAsync(HttpContext context, int statusCode, ResourceType type, JsonObject obj, OutputFormat format, TimeProvider clock, IncludeObjectPolicy include, bool pretty)
    {
        switch (format.Kind)
        {
            case OutputKind.Table:
                var table = TableConverter.ToTable(type, [obj], new TableOptions(include, clock.GetUtcNow()));
                table["apiVersion"] = "meta.k8s.io/" + format.MetaVersion;
                table["metadata"] = new JsonObject { ["resourceVersion"] = obj["metadata"]?["resourceVersion"]?.DeepClone() };
                return WriteJsonAsync(context, statusCode, table, format.ContentType, pretty);
            case OutputKind.PartialObjectMetadata:
                return WriteJsonAsync(context, statusCode, PartialObjectMetadata(obj, format.MetaVersion), format.ContentType, pretty);
            case OutputKind.PartialObjectMetadataList:
                throw ApiException.NotAcceptable($"you requested PartialObjectMetadataList, but the requested object is not a list (*{type.Kind})");
            case OutputKind.Yaml:
                return WriteYamlAsync(context, statusCode, obj);
            default:
                return WriteJsonAsync(context, statusCode, obj, "application/json", pretty);
        }
    }

    public static Task WriteYamlAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/yaml";
        return context.Response.WriteAsync(JsonYaml.Serialize(body), context.RequestAborted);
    }
}
