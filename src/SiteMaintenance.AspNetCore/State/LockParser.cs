using System.Globalization;

namespace SiteMaintenance.AspNetCore.State;

/// <summary>Turns the lock's key/value pairs (files or ConfigMap data) into a snapshot.</summary>
internal static class LockParser
{
    /// <summary>
    /// Parses the lock. <c>state</c> is authoritative; when it is absent the
    /// <c>offline</c>/<c>pending</c> marker keys decide. An unknown state value reads as ONLINE
    /// (fail open, like a missing lock) and is reported through <paramref name="problem"/>.
    /// </summary>
    public static MaintenanceSnapshot Parse(IReadOnlyDictionary<string, string> data, out string? problem)
    {
        problem = null;
        var state = SiteState.Online;
        if (data.TryGetValue(LockKeys.State, out var raw) && !string.IsNullOrWhiteSpace(raw))
        {
            if (!TryParseState(raw, out state))
            {
                problem = $"unknown state '{raw.Trim()}'";
                state = SiteState.Online;
            }
        }
        else if (data.ContainsKey(LockKeys.Offline))
        {
            state = SiteState.Offline;
        }
        else if (data.ContainsKey(LockKeys.Pending))
        {
            state = SiteState.Pending;
        }

        return new MaintenanceSnapshot(
            state,
            Text(data, LockKeys.Message),
            Text(data, LockKeys.MaintenanceUrl),
            ParseSince(Text(data, LockKeys.Since)),
            Text(data, LockKeys.Site));
    }

    public static bool TryParseState(string raw, out SiteState state)
    {
        switch (raw.Trim().ToUpperInvariant())
        {
            case "ONLINE":
                state = SiteState.Online;
                return true;
            case "PENDING":
                state = SiteState.Pending;
                return true;
            case "OFFLINE":
                state = SiteState.Offline;
                return true;
            default:
                state = SiteState.Online;
                return false;
        }
    }

    private static string? Text(IReadOnlyDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static DateTimeOffset? ParseSince(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            ? since
            : null;
}
