namespace SiteMaintenance.AspNetCore;

/// <summary>
/// Thrown by <see cref="CommandTask.StartAsync(string, CommandTaskOptions, CancellationToken)"/>
/// when the site is PENDING or OFFLINE and <see cref="CommandTaskOptions.Force"/> is not set.
/// </summary>
public sealed class MaintenanceInProgressException : InvalidOperationException
{
    /// <summary>Creates the exception for a refused command.</summary>
    public MaintenanceInProgressException(string command, string site, SiteState state, string? message)
        : base(Describe(command, site, state, message))
    {
        Command = command;
        Site = site;
        State = state;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public MaintenanceInProgressException(string message)
        : base(message)
    {
        Command = string.Empty;
        Site = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public MaintenanceInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
        Command = string.Empty;
        Site = string.Empty;
    }

    /// <summary>Creates an empty exception.</summary>
    public MaintenanceInProgressException()
    {
        Command = string.Empty;
        Site = string.Empty;
    }

    /// <summary>The refused command.</summary>
    public string Command { get; }

    /// <summary>The site under maintenance.</summary>
    public string Site { get; }

    /// <summary>The state that caused the refusal.</summary>
    public SiteState State { get; }

    private static string Describe(string command, string site, SiteState state, string? message)
    {
        var why = state == SiteState.Offline ? "is OFFLINE for maintenance" : "is PENDING (maintenance was requested)";
        var detail = string.IsNullOrWhiteSpace(message) ? string.Empty : $" Message: \"{message}\".";
        return $"Refusing to start '{command}': site '{site}' {why}.{detail} Set Force to run it anyway.";
    }
}
