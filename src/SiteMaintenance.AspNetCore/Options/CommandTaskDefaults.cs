namespace SiteMaintenance.AspNetCore;

/// <summary>Defaults for CommandTask leases started through <see cref="ICommandTaskFactory"/>.</summary>
public sealed class CommandTaskDefaults
{
    /// <summary>The lease's <c>leaseDurationSeconds</c>. Default 30 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The holder's identity prefix. Default: the <c>POD_NAME</c> environment variable, else the
    /// host name.
    /// </summary>
    public string? Holder { get; set; }
}
