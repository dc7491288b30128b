using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics.Strategies;

/// <summary>Leases: MicroTime acquire/renew times (exactly six fractional digits) and positive durations.</summary>
public sealed class LeaseStrategy : KindStrategy
{
    public override bool AllowCreateOnUpdate => true;

    public override IReadOnlySet<string>? TopLevelFields { get; } = new HashSet<string> { "apiVersion", "kind", "metadata", "spec" };

    public override void NormalizeTimes(JsonObject obj, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(type);
        if (obj["spec"] is JsonObject spec)
        {
            ApiTime.NormalizeMicroTime(spec, "acquireTime", type.Kind, type.Version);
            ApiTime.NormalizeMicroTime(spec, "renewTime", type.Kind, type.Version);
        }
    }

    public override IEnumerable<FieldCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj["spec"] is not JsonObject spec)
        {
            yield break;
        }

        if (spec["leaseDurationSeconds"] is JsonValue duration && duration.TryGetValue<long>(out var seconds) && seconds <= 0)
        {
            yield return FieldCause.Invalid("spec.leaseDurationSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be greater than 0");
        }

        if (spec["leaseTransitions"] is JsonValue transitions && transitions.TryGetValue<long>(out var count) && count < 0)
        {
            yield return FieldCause.Invalid("spec.leaseTransitions", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be greater than or equal to 0");
        }
    }
}
