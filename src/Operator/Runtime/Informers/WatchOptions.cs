namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>What a watch call asks for; bookmarks are always requested.</summary>
/// <param name="LabelSelector">Only objects with these labels; null for all.</param>
/// <param name="ResourceVersion">Where to start: changes after this version.</param>
/// <param name="TimeoutSeconds">When the server should end the watch cleanly.</param>
internal sealed record WatchOptions(string? LabelSelector, string ResourceVersion, int TimeoutSeconds);
