using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>
/// Pods: the defaults the apiserver fills in, status reset to Pending on create, an immutable
/// spec (but for images), and the status time fields. There is no kubelet: tests write
/// <c>/status</c> to make a Pod Running and Ready, and deletion is immediate.
/// </summary>
public sealed class PodStrategy : KindStrategy
{
    public override bool ReturnDeletedObject => true;

    public override IReadOnlySet<string>? TopLevelFields { get; } = new HashSet<string> { "apiVersion", "kind", "metadata", "spec", "status" };

    public override void PrepareForCreate(JsonObject obj, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj.Obj("spec");
        spec["restartPolicy"] ??= "Always";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["securityContext"] ??= new JsonObject();
        spec["schedulerName"] ??= "default-scheduler";
        spec["serviceAccountName"] ??= "default";
        spec["serviceAccount"] ??= spec["serviceAccountName"]?.DeepClone();
        spec["enableServiceLinks"] ??= true;
        spec["preemptionPolicy"] ??= "PreemptLowerPriority";
        spec["priority"] ??= 0;
        foreach (var container in Objects(spec["containers"]).Concat(Objects(spec["initContainers"])))
        {
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            container["resources"] ??= new JsonObject();
            container["imagePullPolicy"] ??= PullPolicy(container["image"].Str() ?? string.Empty);
            foreach (var port in Objects(container["ports"]))
            {
                port["protocol"] ??= "TCP";
            }
        }

        obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
    }

    public override void PrepareForUpdate(JsonObject obj, JsonObject old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(old);
        var spec = obj["spec"] as JsonObject;
        var oldSpec = old["spec"] as JsonObject;
        if (spec is null || oldSpec is null)
        {
            return;
        }

        // Updates that leave out defaulted fields get them back, as the apiserver defaults every request.
        foreach (var (key, value) in oldSpec)
        {
            if (!spec.ContainsKey(key) && key is not ("containers" or "initContainers" or "activeDeadlineSeconds" or "tolerations"))
            {
                spec[key] = value?.DeepClone();
            }
        }
    }

    public override void NormalizeTimes(JsonObject obj, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(type);
        if (obj["status"] is not JsonObject status)
        {
            return;
        }

        ApiTime.NormalizeTime(status, "startTime", type.Kind, type.Version);
        foreach (var condition in Objects(status["conditions"]))
        {
            ApiTime.NormalizeTime(condition, "lastProbeTime", type.Kind, type.Version);
            ApiTime.NormalizeTime(condition, "lastTransitionTime", type.Kind, type.Version);
        }

        foreach (var cs in Objects(status["containerStatuses"]).Concat(Objects(status["initContainerStatuses"])))
        {
            foreach (var stateName in new[] { "state", "lastState" })
            {
                if (cs[stateName] is not JsonObject state)
                {
                    continue;
                }

                foreach (var (_, detail) in state)
                {
                    if (detail is JsonObject d)
                    {
                        ApiTime.NormalizeTime(d, "startedAt", type.Kind, type.Version);
                        ApiTime.NormalizeTime(d, "finishedAt", type.Kind, type.Version);
                    }
                }
            }
        }
    }

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj["spec"] as JsonObject;
        var containers = spec?["containers"] as JsonArray;
        if (containers is null || containers.Count == 0)
        {
            yield return FieldCause.Required("spec.containers");
        }
        else
        {
            var names = new HashSet<string>();
            for (var i = 0; i < containers.Count; i++)
            {
                var c = containers[i] as JsonObject ?? [];
                var name = c["name"].Str();
                if (string.IsNullOrEmpty(name))
                {
                    yield return FieldCause.Required($"spec.containers[{i}].name");
                }
                else if (!names.Add(name))
                {
                    yield return new FieldCause("FieldValueDuplicate", $"Duplicate value: {GoQuote.Quote(name)}", $"spec.containers[{i}].name");
                }

                if (string.IsNullOrEmpty(c["image"].Str()))
                {
                    yield return FieldCause.Required($"spec.containers[{i}].image");
                }
            }
        }

        if (old?["spec"] is JsonObject oldSpec && spec is not null && !SpecEqualButImages(spec, oldSpec))
        {
            yield return FieldCause.Forbidden("spec", "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
        }
    }

    public override void AddFields(JsonObject stored, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fields);
        var spec = stored["spec"];
        var status = stored["status"];
        fields["spec.nodeName"] = FieldString(spec?["nodeName"]);
        fields["spec.restartPolicy"] = FieldString(spec?["restartPolicy"]);
        fields["spec.schedulerName"] = FieldString(spec?["schedulerName"]);
        fields["spec.serviceAccountName"] = FieldString(spec?["serviceAccountName"]);
        fields["spec.hostNetwork"] = spec?["hostNetwork"]?.GetValue<bool>() == true ? "true" : "false";
        fields["status.phase"] = FieldString(status?["phase"]);
        fields["status.podIP"] = FieldString(status?["podIP"]);
        fields["status.podIPs"] = string.Join(",", Objects(status?["podIPs"]).Select(p => FieldString(p["ip"])));
        fields["status.nominatedNodeName"] = FieldString(status?["nominatedNodeName"]);
    }

    private static string PullPolicy(string image)
    {
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        if (lastSegment.Contains('@', StringComparison.Ordinal))
        {
            return "IfNotPresent";
        }

        var colon = lastSegment.LastIndexOf(':');
        return colon < 0 || lastSegment[(colon + 1)..] == "latest" ? "Always" : "IfNotPresent";
    }

    private static bool SpecEqualButImages(JsonObject spec, JsonObject oldSpec)
    {
        var a = (JsonObject)spec.DeepClone();
        var b = (JsonObject)oldSpec.DeepClone();
        foreach (var s in new[] { a, b })
        {
            s.Remove("activeDeadlineSeconds");
            s.Remove("tolerations");
            s.Remove("terminationGracePeriodSeconds");
            foreach (var c in Objects(s["containers"]).Concat(Objects(s["initContainers"])))
            {
                c.Remove("image");
            }
        }

        return JsonNode.DeepEquals(a, b);
    }
}
