namespace SiteMaintenance.Emulator.Recording;

/// <summary>One API request as the emulator saw it (what RBAC would be asked about, plus who and how it ended).</summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Verb,
    string Group,
    string Version,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    string User,
    string UserAgent,
    string Method,
    string Path,
    string Query,
    int StatusCode)
{
    /// <summary>How long the emulator took to answer (for a watch: how long it stayed open).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True for requests that change state (create, update, patch, delete, deletecollection).</summary>
    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";

    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource}{(Subresource.Length > 0 ? "/" + Subresource : string.Empty)} ns={Namespace} name={Name} user={User} -> {StatusCode}";
}
