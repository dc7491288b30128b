using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>Ingresses: an empty load-balancer status on create; a backend or rules; pathType on every path.</summary>
public sealed class IngressStrategy : KindStrategy
{
    private static readonly string[] PathTypes = ["Exact", "Prefix", "ImplementationSpecific"];

    public override IReadOnlySet<string>? TopLevelFields { get; } = new HashSet<string> { "apiVersion", "kind", "metadata", "spec", "status" };

    public override void PrepareForCreate(JsonObject obj, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj["spec"] as JsonObject ?? [];
        if (spec["defaultBackend"] is null && spec["rules"] is not JsonArray { Count: > 0 })
        {
            yield return FieldCause.Invalid("spec", "{}", "either `defaultBackend` or `rules` must be specified");
        }

        var rules = spec["rules"] as JsonArray ?? [];
        for (var r = 0; r < rules.Count; r++)
        {
            var paths = rules[r]?["http"]?["paths"] as JsonArray ?? [];
            for (var p = 0; p < paths.Count; p++)
            {
                var field = $"spec.rules[{r}].http.paths[{p}]";
                var pathType = paths[p]?["pathType"].Str();
                if (pathType is null)
                {
                    yield return FieldCause.Required(field + ".pathType", "pathType must be specified");
                }
                else if (!PathTypes.Contains(pathType))
                {
                    yield return FieldCause.NotSupported(field + ".pathType", GoQuote.Quote(pathType), PathTypes);
                }

                if (paths[p]?["backend"] is not JsonObject)
                {
                    yield return FieldCause.Required(field + ".backend");
                }
            }
        }
    }
}
