namespace SiteMaintenance.AspNetCore.Sessions;

/// <summary>The sessions endpoint's body, as fixed by the protocol.</summary>
internal sealed record SessionsResponse(int ActiveSessions, IReadOnlyCollection<string> SessionIds);
