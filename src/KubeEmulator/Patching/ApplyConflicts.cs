using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The 409 of a server-side apply that would change fields other managers own
/// (<c>managedfields/internal/conflict.go</c> <c>NewConflictError</c>): one cause
/// <c>FieldManagerConflict</c> per field, and a message listing them per manager.
/// </summary>
internal static class ApplyConflicts
{
    public static ApiException Error(IEnumerable<(ManagerEntry Manager, FieldSet Fields)> conflicts)
    {
        var byManager = conflicts
            .OrderBy(c => c.Manager.Identity, StringComparer.Ordinal)
            .Select(c => (c.Manager, Paths: c.Fields.Members().Select(FieldPaths.Format).ToList()))
            .ToList();
        var total = byManager.Sum(c => c.Paths.Count);
        string message;
        if (total == 1)
        {
            var (manager, paths) = byManager.Single(c => c.Paths.Count == 1);
            message = $"Apply failed with 1 conflict: conflict with {manager.Describe()}: {paths[0]}";
        }
        else
        {
            var lines = byManager.SelectMany(c => c.Paths.Select(p => $"- {p}").Prepend($"conflicts with {c.Manager.Describe()}:"));
            message = $"Apply failed with {total} conflicts: {string.Join("\n", lines)}";
        }

        var causes = byManager
            .SelectMany(c => c.Paths.Select(p => new FieldCause("FieldManagerConflict", $"conflict with {c.Manager.Describe()}", p)))
            .ToList();
        return new ApiException(409, "Conflict", message, new StatusDetails(null, null, null, null, causes));
    }
}
