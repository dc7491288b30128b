using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>), following the apiserver's field
/// manager and sigs.k8s.io/structured-merge-diff: the configuration is merged into the live
/// object (or into an empty one on create); fields the manager applied before and leaves out now
/// are removed unless another manager still owns them; changing a field another manager owns is a
/// 409 <c>Conflict</c> unless <see cref="ApplyRequest.Force"/> moves the ownership; the applier's
/// <c>metadata.managedFields</c> entry (operation <c>Apply</c>) records exactly the configured fields.
/// Built-in kinds merge the keyed lists of <see cref="BuiltinSchemas"/>; custom resources, having
/// no schema here, treat every list as atomic (their <c>metadata</c> still follows ObjectMeta).
/// </summary>
/// <remarks>
/// Simplifications of the real algorithm:
/// <list type="bullet">
/// <item>Everything happens at the request's API version; entries recorded at other versions are
/// compared as if they were at this one (no conversion).</item>
/// <item>No cap on the number of <c>Update</c> entries (the real server folds the oldest beyond
/// ten into <c>ancient-changes</c>).</item>
/// <item>No special handling of the <c>kubectl.kubernetes.io/last-applied-configuration</c>
/// annotation (the real server uses it to resolve conflicts with client-side apply and keeps it
/// in sync for the <c>kubectl</c> manager).</item>
/// <item>The strategy's reset fields are not known here: the caller removes <c>status</c> from a
/// main-resource apply (kinds with a status subresource) and everything but <c>status</c> from a
/// <c>/status</c> apply before calling.</item>
/// <item>Pruning keeps a list item another manager owns any field of; structured-merge-diff
/// removes the item unless that manager owns the item itself.</item>
/// <item>Nulls in the configuration are owned but left out of the result, as decoding into the
/// typed object does for built-ins.</item>
/// <item>The applier's timestamp moves whenever the object or its field set changes.</item>
/// </list>
/// </remarks>
public static class ServerSideApply
{
    /// <summary>Merges <paramref name="applied"/> into <paramref name="live"/> (null: create) and updates managedFields.</summary>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, ApplyRequest request)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(request);
        CheckConfiguration(applied, request);
        var schema = request.IsCustom ? BuiltinSchemas.Generic : BuiltinSchemas.Resolve(request.Group, request.Kind);

        var current = (JsonObject?)live?.DeepClone() ?? EmptyObjects.For(request.Group, request.Kind, request.IsCustom);
        var metadata = current["metadata"] as JsonObject;
        var entries = ManagedFieldsCodec.Decode(metadata?["managedFields"]) ?? [];
        metadata?.Remove("managedFields");

        var errors = new List<string>();
        var configured = FieldSetBuilder.Build(applied, schema, errors).Difference(FieldPaths.Stripped);
        if (errors.Count > 0)
        {
            throw TypedPatchError(applied, errors);
        }

        var applierIdentity = ManagerEntry.IdentityOf(request.FieldManager, ManagerEntry.ApplyOperation, null, request.Subresource);
        var previous = entries.Find(e => e.Identity == applierIdentity);
        var others = entries.Where(e => e.Identity != applierIdentity).ToList();

        var merged = ApplyMerger.Merge(current, applied, schema);
        if (live is null)
        {
            // The empty object's null fields (e.g. a Pod's containers) are not part of the result.
            JsonNodes.RemoveNullProperties(merged);
        }

        ApplyPruner.Prune(merged, previous?.Fields, others.Aggregate(configured, (owned, e) => owned.Union(e.Fields)), schema);

        var comparison = ObjectComparison.Compare(current, merged, schema);
        var changed = comparison.Modified.Union(comparison.Added);
        var conflicts = others
            .Select(e => (Manager: e, Fields: e.Fields.Intersection(changed)))
            .Where(c => !c.Fields.IsEmpty)
            .ToList();
        if (conflicts.Count > 0 && !request.Force)
        {
            throw ApplyConflicts.Error(conflicts);
        }

        var unchanged = previous is not null
            && comparison.IsSame
            && previous.ApiVersion == request.ApiVersion
            && previous.Fields.SetEquals(configured);
        var applier = new ManagerEntry(
            request.FieldManager,
            ManagerEntry.ApplyOperation,
            request.ApiVersion,
            unchanged ? previous!.Time : ManagerEntry.FormatTime(request.Now),
            request.Subresource,
            configured);
        var remaining = others.Select(e => e with { Fields = e.Fields.Difference(changed).Difference(comparison.Removed) });
        ManagedFieldsCodec.Store(merged, remaining.Append(applier));
        return merged;
    }

    /// <summary>The checks of the apiserver's structured merge manager before anything is merged.</summary>
    private static void CheckConfiguration(JsonObject applied, ApplyRequest request)
    {
        var version = StringOf(applied["apiVersion"]);
        if (version != request.ApiVersion)
        {
            throw PatchErrors.BadRequest(
                $"Incorrect version specified in apply patch. Specified patch version: {version}, expected: {request.ApiVersion}");
        }

        if (applied["metadata"] is JsonObject metadata && metadata["managedFields"] is not null)
        {
            throw PatchErrors.BadRequest("metadata.managedFields must be nil");
        }

        if (StringOf(applied["kind"]) != request.Kind)
        {
            var gvk = GroupVersionKind(applied);
            throw PatchErrors.Unclassified($"failed to create typed patch object ({gvk}): no corresponding type for {gvk}");
        }
    }

    private static ApiException TypedPatchError(JsonObject applied, List<string> errors)
    {
        var detail = errors.Count == 1 ? errors[0] : "errors:\n  " + string.Join("\n  ", errors);
        return PatchErrors.Unclassified($"failed to create typed patch object ({GroupVersionKind(applied)}): {detail}");
    }

    /// <summary><c>schema.GroupVersionKind.String()</c>: <c>apps/v1, Kind=Deployment</c>, <c>/v1, Kind=Pod</c>.</summary>
    private static string GroupVersionKind(JsonObject obj)
    {
        var apiVersion = StringOf(obj["apiVersion"]);
        var group = BuiltinSchemas.GroupOf(apiVersion);
        var version = group.Length == 0 ? apiVersion : apiVersion[(group.Length + 1)..];
        return $"{group}/{version}, Kind={StringOf(obj["kind"])}";
    }

    private static string StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
}
