using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>Services: DNS-1035 names, a cluster IP allocated on create, port defaults.</summary>
public sealed class ServiceStrategy : KindStrategy
{
    private int _nextIp = 10;

    public override NameFormat NameFormat => NameFormat.Dns1035Label;

    public override bool AllowCreateOnUpdate => true;

    public override IReadOnlySet<string>? TopLevelFields { get; } = new HashSet<string> { "apiVersion", "kind", "metadata", "spec", "status" };

    public override void PrepareForCreate(JsonObject obj, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj.Obj("spec");
        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        spec["internalTrafficPolicy"] ??= "Cluster";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        if (spec["type"].Str() != "ExternalName" && spec["clusterIP"].Str() is null or "")
        {
            var n = Interlocked.Increment(ref _nextIp);
            var ip = $"10.96.{n / 250}.{(n % 250) + 1}";
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
        }

        DefaultPorts(spec);
        obj["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    public override void PrepareForUpdate(JsonObject obj, JsonObject old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(old);
        var spec = obj.Obj("spec");
        foreach (var key in new[] { "clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "internalTrafficPolicy", "sessionAffinity", "type" })
        {
            spec[key] ??= old["spec"]?[key]?.DeepClone();
        }

        DefaultPorts(spec);
    }

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj["spec"] as JsonObject ?? [];
        var headlessOrExternal = spec["clusterIP"].Str() == "None" || spec["type"].Str() == "ExternalName";
        if (!headlessOrExternal && spec["ports"] is not JsonArray { Count: > 0 })
        {
            yield return FieldCause.Required("spec.ports");
        }

        if (old?["spec"]?["clusterIP"].Str() is { Length: > 0 } oldIp && spec["clusterIP"].Str() != oldIp)
        {
            yield return FieldCause.Invalid("spec.clusterIPs[0]", GoQuote.Quote(spec["clusterIP"].Str() ?? string.Empty), "may not change once set");
        }
    }

    public override void AddFields(JsonObject stored, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fields);
        fields["spec.clusterIP"] = FieldString(stored["spec"]?["clusterIP"]);
        fields["spec.type"] = FieldString(stored["spec"]?["type"]);
    }

    private static void DefaultPorts(JsonObject spec)
    {
        foreach (var port in Objects(spec["ports"]))
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }
    }
}
