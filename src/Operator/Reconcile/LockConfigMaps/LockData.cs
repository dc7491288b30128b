using System.Globalization;
using k8s.Models;

namespace SiteMaintenance.Operator.Reconcile.LockConfigMaps;

/// <summary>The lock ConfigMap's data for a state, and what an existing one says. Pure.</summary>
internal static class LockData
{
    private const string TimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    /// <summary>
    /// The complete data: <c>state</c>, <c>message</c>, <c>maintenanceUrl</c> (empty when none),
    /// <c>since</c>, <c>site</c>, and the <c>pending</c> or <c>offline</c> marker (its value is
    /// the <c>since</c> time) only in that state.
    /// </summary>
    public static Dictionary<string, string> For(LockState state, DateTime since, string site, string message, string? maintenanceUrl)
    {
        var sinceText = Kube.KubeTime.Format(since);
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LockKeys.State] = Wire(state),
            [LockKeys.Message] = message,
            [LockKeys.MaintenanceUrl] = maintenanceUrl ?? "",
            [LockKeys.Since] = sinceText,
            [LockKeys.Site] = site,
        };
        if (state == LockState.Pending)
        {
            data[LockKeys.Pending] = sinceText;
        }
        else if (state == LockState.Offline)
        {
            data[LockKeys.Offline] = sinceText;
        }

        return data;
    }

    /// <summary>The state an existing ConfigMap records; null when absent or unrecognised.</summary>
    public static LockState? StateOf(V1ConfigMap? configMap) =>
        configMap?.Data is { } data && data.TryGetValue(LockKeys.State, out var state)
            ? state switch
            {
                LockKeys.OnlineValue => LockState.Online,
                LockKeys.PendingValue => LockState.Pending,
                LockKeys.OfflineValue => LockState.Offline,
                _ => null,
            }
            : null;

    /// <summary>The <c>since</c> time an existing ConfigMap records (UTC); null when absent or malformed.</summary>
    public static DateTime? SinceOf(V1ConfigMap? configMap) =>
        configMap?.Data is { } data
        && data.TryGetValue(LockKeys.Since, out var text)
        && DateTime.TryParseExact(
            text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var since)
            ? since
            : null;

    /// <summary>The wire value of <paramref name="state"/>.</summary>
    public static string Wire(LockState state) => state switch
    {
        LockState.Pending => LockKeys.PendingValue,
        LockState.Offline => LockKeys.OfflineValue,
        _ => LockKeys.OnlineValue,
    };
}
