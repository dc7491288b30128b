// CONTRACT STUBS: replaced by the patching module's implementation (one file per class).
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>RFC 7386 JSON merge patch (<c>application/merge-patch+json</c>).</summary>
public static class MergePatch
{
    /// <summary>Returns the patched document; <paramref name="target"/> is not modified.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => throw new NotImplementedException();
}

/// <summary>RFC 6902 JSON patch (<c>application/json-patch+json</c>): add, remove, replace, move, copy, test.</summary>
public static class JsonPatch
{
    /// <summary>Returns the patched document; throws ApiException worded as the apiserver words patch errors.</summary>
    public static JsonNode Apply(JsonNode target, JsonNode operations) => throw new NotImplementedException();
}

/// <summary>Strategic merge patch for built-in kinds (directives, keyed lists).</summary>
public static class StrategicMergePatch
{
    /// <summary>Returns the patched object; <paramref name="original"/> is not modified.</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, string group, string kind) => throw new NotImplementedException();
}

/// <summary>The information a server-side apply needs besides the two objects.</summary>
public sealed record ApplyRequest(
    string FieldManager,
    bool Force,
    string ApiVersion,
    string? Subresource,
    DateTimeOffset Now,
    string Group,
    string Kind,
    bool IsCustom);

/// <summary>Server-side apply (<c>application/apply-patch+yaml</c>).</summary>
public static class ServerSideApply
{
    /// <summary>Merges <paramref name="applied"/> into <paramref name="live"/> (null: create) and updates managedFields.</summary>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, ApplyRequest request) => throw new NotImplementedException();
}

/// <summary><c>metadata.managedFields</c> bookkeeping for non-apply writes.</summary>
public static class ManagedFields
{
    /// <summary>Records an <c>Update</c> by <paramref name="manager"/> on <paramref name="newObject"/> (old is null on create).</summary>
    public static void RecordUpdate(JsonObject? oldObject, JsonObject newObject, string manager, string apiVersion, string? subresource, DateTimeOffset now) =>
        throw new NotImplementedException();
}
