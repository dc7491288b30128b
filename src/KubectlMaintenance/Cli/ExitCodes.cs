namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>The exit codes scripts can rely on (documented in docs/plugin.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done: the request was accepted, and with <c>--wait</c> the site reached the requested state.</summary>
    public const int Success = 0;

    /// <summary>An error: no such site, no CRD, not allowed, API unreachable, invalid object, ...</summary>
    public const int Error = 1;

    /// <summary>The command line is wrong (unknown flag, missing argument, bad value).</summary>
    public const int Usage = 2;

    /// <summary><c>--timeout</c> passed before the site reached the requested state; the request stays in place.</summary>
    public const int TimedOut = 3;

    /// <summary>
    /// The operator gave up: it reports Stalled (for example an invalid spec), or the drain timed
    /// out with <c>onTimeout: Online</c> and the site went back Online.
    /// </summary>
    public const int GaveUp = 4;

    /// <summary>Interrupted (Ctrl-C) while waiting; the request stays in place.</summary>
    public const int Interrupted = 130;
}
