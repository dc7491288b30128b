using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Selectors;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>The <c>fieldValidation</c> query parameter.</summary>
public enum FieldValidation
{
    Ignore,
    Warn,
    Strict,
}

/// <summary>The patch media types.</summary>
public enum PatchKind
{
    Json,
    Merge,
    Strategic,
    Apply,
}

/// <summary>Options of a create, update or patch.</summary>
/// <param name="FieldManager">Who is writing (for managedFields).</param>
/// <param name="FieldValidation">What to do with unknown fields.</param>
/// <param name="DryRun">Compute, validate, but store nothing.</param>
/// <param name="Force">Server-side apply: take ownership of conflicting fields.</param>
public sealed record WriteOptions(string FieldManager, FieldValidation FieldValidation = FieldValidation.Warn, bool DryRun = false, bool Force = false);

/// <summary>The result of a create, update or patch.</summary>
/// <param name="Object">The object as stored (or as it would be, for a dry run).</param>
/// <param name="Created">Whether the object was created (201) rather than updated (200).</param>
/// <param name="Warnings">Warnings for the <c>Warning</c> header (e.g. unknown fields).</param>
public sealed record WriteOutcome(JsonObject Object, bool Created, IReadOnlyList<string> Warnings);

/// <summary>A DELETE's options (body or query).</summary>
public sealed record DeleteRequest(string? PropagationPolicy = null, string? PreconditionUid = null, string? PreconditionResourceVersion = null, bool DryRun = false);

/// <summary>The result of a delete.</summary>
/// <param name="Object">The object's last state (removed) or its current state (deletion pending on finalizers).</param>
/// <param name="Removed">True when the object is gone; false while finalizers keep it.</param>
public sealed record DeleteOutcome(JsonObject Object, bool Removed);

/// <summary>A list's filters and paging.</summary>
public sealed record ListQuery(LabelSelector Labels, FieldSelector Fields, int? Limit = null, string? Continue = null);

/// <summary>A page of a list.</summary>
public sealed record ListResult(IReadOnlyList<JsonObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);
