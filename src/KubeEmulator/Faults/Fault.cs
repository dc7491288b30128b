using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Faults;

/// <summary>Something to do to a request instead of (or before) answering it normally.</summary>
public abstract record Fault
{
    private Fault()
    {
    }

    /// <summary>Answer with this API error (a proper Status object).</summary>
    public static Fault Error(int code, string? reason = null, string? message = null) =>
        new ErrorFault(new ApiException(code, reason ?? DefaultReason(code), message ?? $"injected fault: HTTP {code}"));

    /// <summary>Wait, then answer normally.</summary>
    public static Fault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>Abort the connection without an answer.</summary>
    public static Fault DropConnection() => new DropFault();

    /// <summary>A watch: close the stream cleanly after <paramref name="after"/>.</summary>
    public static Fault CloseWatchAfter(TimeSpan after) => new CloseWatchFault(after);

    /// <summary>A watch: send the initial events, then nothing, keeping the connection open.</summary>
    public static Fault StallWatch() => new StallWatchFault();

    /// <summary>A watch: answer with an ERROR event carrying 410 Expired.</summary>
    public static Fault ExpireWatch() => new ExpireWatchFault();

    private static string DefaultReason(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        410 => "Expired",
        422 => "Invalid",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "InternalError",
    };

    internal sealed record ErrorFault(ApiException Exception) : Fault;

    internal sealed record DelayFault(TimeSpan Duration) : Fault;

    internal sealed record DropFault : Fault;

    internal sealed record CloseWatchFault(TimeSpan After) : Fault;

    internal sealed record StallWatchFault : Fault;

    internal sealed record ExpireWatchFault : Fault;
}
