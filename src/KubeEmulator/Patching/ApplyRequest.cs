namespace SiteMaintenance.Emulator.Patching;

/// <summary>The information a server-side apply needs besides the two objects.</summary>
/// <param name="FieldManager">The <c>fieldManager</c> query parameter (required; the caller rejects its absence).</param>
/// <param name="Force">The <c>force</c> query parameter: take ownership of conflicting fields.</param>
/// <param name="ApiVersion">The group/version of the request, e.g. <c>v1</c> or <c>ops.example.com/v1</c>.</param>
/// <param name="Subresource">The subresource written (<c>status</c>), or null for the main resource.</param>
/// <param name="Now">The time recorded in the applier's managedFields entry.</param>
/// <param name="Group">The API group of the kind, empty for the core group.</param>
/// <param name="Kind">The kind, e.g. <c>Pod</c>.</param>
/// <param name="IsCustom">True for custom resources (no schema: every list is atomic).</param>
public sealed record ApplyRequest(
    string FieldManager,
    bool Force,
    string ApiVersion,
    string? Subresource,
    DateTimeOffset Now,
    string Group,
    string Kind,
    bool IsCustom);
