using Microsoft.Net.Http.Headers;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Http;

/// <summary>What the client accepts, negotiated from <c>Accept</c> as the apiserver does (JSON only: no protobuf, no CBOR).</summary>
public enum OutputKind
{
    Json,
    Table,
    PartialObjectMetadata,
    PartialObjectMetadataList,
    Yaml,
}

/// <summary>The negotiated output of one response.</summary>
public sealed record OutputFormat(OutputKind Kind, string MetaVersion)
{
    public static OutputFormat Json { get; } = new(OutputKind.Json, "v1");

    public string ContentType => Kind switch
    {
        OutputKind.Table => $"application/json;as=Table;v={MetaVersion};g=meta.k8s.io",
        OutputKind.PartialObjectMetadata => $"application/json;as=PartialObjectMetadata;v={MetaVersion};g=meta.k8s.io",
        OutputKind.PartialObjectMetadataList => $"application/json;as=PartialObjectMetadataList;v={MetaVersion};g=meta.k8s.io",
        OutputKind.Yaml => "application/yaml",
        _ => "application/json",
    };

    /// <summary>The first acceptable choice in the client's order; 406 when it accepts only what the emulator cannot produce.</summary>
    public static OutputFormat Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept.Split(','), out var ranges))
        {
            return Json;
        }

        foreach (var range in ranges)
        {
            var type = range.MediaType.Value ?? string.Empty;
            string? Param(string name) => range.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Value;
            if (type is "application/json" or "application/*" or "*/*")
            {
                var @as = Param("as");
                var g = Param("g");
                var v = Param("v") ?? "v1";
                if (@as is null)
                {
                    return Json;
                }

                if (g == "meta.k8s.io" && v is "v1" or "v1beta1")
                {
                    switch (@as)
                    {
                        case "Table":
                            return new OutputFormat(OutputKind.Table, v);
                        case "PartialObjectMetadata":
                            return new OutputFormat(OutputKind.PartialObjectMetadata, v);
                        case "PartialObjectMetadataList":
                            return new OutputFormat(OutputKind.PartialObjectMetadataList, v);
                        default:
                            break;
                    }
                }
            }
            else if (type is "application/yaml")
            {
                return new OutputFormat(OutputKind.Yaml, "v1");
            }
        }

        throw ApiException.NotAcceptable("only the following media types are accepted: application/json, application/yaml");
    }

    /// <summary>Whether the client asked for aggregated discovery, and which version.</summary>
    public static string? AggregatedDiscoveryVersion(string? accept)
    {
        if (string.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept.Split(','), out var ranges))
        {
            return null;
        }

        foreach (var range in ranges)
        {
            string? Param(string name) => range.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Value;
            if (range.MediaType.Value == "application/json" && Param("as") == "APIGroupDiscoveryList" && Param("g") == "apidiscovery.k8s.io")
            {
                var v = Param("v");
                if (v is "v2" or "v2beta1")
                {
                    return v;
                }
            }
            else if (range.MediaType.Value == "application/json" && Param("as") is null)
            {
                return null;
            }
        }

        return null;
    }
}
