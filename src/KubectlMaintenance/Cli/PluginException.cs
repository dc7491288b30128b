namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>
/// A failure the plugin explains to the user: <see cref="Exception.Message"/> is the first line
/// (printed after <c>error: </c>), <see cref="Hint"/> says what to do about it.
/// </summary>
internal sealed class PluginException : Exception
{
    public PluginException(PluginErrorKind kind, string message, string? hint = null, int exitCode = ExitCodes.Error, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Hint = hint;
        ExitCode = exitCode;
    }

    public PluginException()
        : this(PluginErrorKind.Other, "unknown error")
    {
    }

    public PluginException(string message)
        : this(PluginErrorKind.Other, message)
    {
    }

    public PluginException(string message, Exception inner)
        : this(PluginErrorKind.Other, message, null, ExitCodes.Error, inner)
    {
    }

    public PluginErrorKind Kind { get; }

    /// <summary>What to do about it; may span several lines.</summary>
    public string? Hint { get; }

    public int ExitCode { get; }
}

/// <summary>What went wrong, for callers that react to some failures (e.g. listing sites after NotFound).</summary>
internal enum PluginErrorKind
{
    Other,
    Usage,
    Config,
    SiteNotFound,
    NamespaceNotFound,
    CrdMissing,
    Forbidden,
    Unauthorized,
    Unreachable,
    AlreadyExists,
    Invalid,
    Conflict,
    ServerError,
}
