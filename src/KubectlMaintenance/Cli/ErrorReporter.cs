namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>Prints a <see cref="PluginException"/> as kubectl prints errors: <c>error: ...</c>, then what to do.</summary>
internal static class ErrorReporter
{
    public static int Report(PluginException error, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine($"error: {error.Message}");
        if (!string.IsNullOrWhiteSpace(error.Hint))
        {
            stderr.WriteLine(error.Hint);
        }

        stderr.Flush();
        return error.ExitCode;
    }

    public static PluginException Usage(string message, string? hint = null) =>
        new(PluginErrorKind.Usage, message, hint, ExitCodes.Usage);
}
