namespace SiteMaintenance.AspNetCore;

/// <summary>
/// Keeps the set of active sessions that the sessions endpoint reports. Ids are already opaque
/// (hashed) when they reach the tracker. The SDK ships an in-memory tracker and one on
/// <c>IDistributedCache</c>; register your own implementation before <c>AddSiteMaintenance</c> to replace them.
/// </summary>
public interface ISessionTracker
{
    /// <summary>Records activity of a session now.</summary>
    ValueTask TouchAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Ends a session (logout): it stops counting at once.</summary>
    ValueTask EndAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the sessions active within the idle timeout.</summary>
    ValueTask<IReadOnlyCollection<string>> GetActiveAsync(CancellationToken cancellationToken = default);
}
