namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>How an informer lists and watches.</summary>
internal sealed record InformerOptions
{
    /// <summary>The namespaces to watch, one list/watch each; empty: all namespaces with one cluster-wide list/watch.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Only objects with these labels (a label selector); null: all.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>The page size of list calls.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// The shortest server-side watch timeout; each watch asks for a random one between this and
    /// twice this (client-go: 5 to 10 minutes), so that many watches do not end together.
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A watch that delivers nothing (no event, no bookmark) for this long is presumed dead and
    /// restarted. The apiserver sends a bookmark about once a minute, so a healthy watch is never
    /// idle for two.
    /// </summary>
    public TimeSpan IdleLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A watch that ends sooner than this without delivering anything counts as a failure (no hot loop).</summary>
    public TimeSpan ShortWatch { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The delays between failed attempts; client-go's reflector backoff by default.</summary>
    public Func<TimeProvider, ExponentialBackoff> Backoff { get; init; } = time => ExponentialBackoff.ForWatchReconnect(time);

    /// <summary>A source of numbers in [0, 1) for the watch timeout jitter; <see cref="Random.Shared"/> when null.</summary>
    public Func<double>? Random { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1, nameof(PageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinWatchTimeout, TimeSpan.FromSeconds(1), nameof(MinWatchTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleLimit, TimeSpan.Zero, nameof(IdleLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShortWatch, TimeSpan.Zero, nameof(ShortWatch));
        ArgumentNullException.ThrowIfNull(Backoff);
        ArgumentNullException.ThrowIfNull(Namespaces);
    }
}
