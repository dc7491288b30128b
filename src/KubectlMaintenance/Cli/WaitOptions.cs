using System.CommandLine;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>The flags <c>on</c> and <c>off</c> share: <c>--wait</c>, <c>--timeout</c>, <c>--ignore-gitops</c>.</summary>
internal sealed class WaitOptions
{
    public Option<bool> Wait { get; } = new("--wait", "-w")
    {
        Description = "Wait until the site is in the requested state, showing progress",
    };

    public Option<string?> Timeout { get; } = new("--timeout")
    {
        Description = "Wait at most this long, as a Go duration like 20m or 1h30m; implies --wait (0: no limit)",
        HelpName = "DURATION",
    };

    public Option<bool> IgnoreGitOps { get; } = new("--ignore-gitops")
    {
        Description = "Do not warn when Argo CD or Flux manages the site",
    };

    /// <summary>True with <c>--wait</c>, and with <c>--timeout</c>, which implies it.</summary>
    public bool ReadWait(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(Wait) || parseResult.GetResult(Timeout) is not null;
    }

    /// <summary>The <c>--timeout</c> limit; null when absent or zero (no limit).</summary>
    public TimeSpan? ReadTimeout(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return DurationOption.ReadTimeout(parseResult.GetValue(Timeout), "--timeout");
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Wait);
        command.Options.Add(Timeout);
        command.Options.Add(IgnoreGitOps);
    }
}
