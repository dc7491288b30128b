namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>How one watch ended.</summary>
internal enum WatchEnd
{
    /// <summary>The server ended the stream cleanly (its timeout, or a restart): watch again from the last resourceVersion.</summary>
    Closed,

    /// <summary>410 Expired/Gone: the resourceVersion is too old; list again.</summary>
    Expired,

    /// <summary>Nothing arrived for longer than the idle limit: the watch was presumed dead and cancelled.</summary>
    Stalled,

    /// <summary>An error: an HTTP error, a dropped connection, a malformed line or an ERROR event other than 410.</summary>
    Failed,
}
