using System.CommandLine;
using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary><c>on SITE</c>: request maintenance (<c>spec.mode: Offline</c>), the seed's <c>offline on</c>.</summary>
internal sealed class OnCommand
{
    private readonly CommandEnvironment _environment;
    private readonly Argument<string> _site = SiteArgument.Create<string>("The site (a SiteMaintenance) to take offline");
    private readonly Option<bool> _force = new("--force") { Description = "Go offline at once, without waiting for sessions and tasks to drain" };
    private readonly Option<string?> _message = new("--message", "-m") { Description = "The message users see while the site is PENDING or OFFLINE (\"\" removes it)", HelpName = "TEXT" };
    private readonly WaitOptions _wait = new();

    public OnCommand(CommandEnvironment environment)
    {
        _environment = environment;
        Command = new Command("on", "Take a site offline: PENDING while sessions and tasks drain, then OFFLINE (sets spec.mode: Offline)")
        {
            _site,
            _force,
            _message,
        };
        _wait.AddTo(Command);
        Command.SetAction((parseResult, cancellationToken) => environment.RunAsync(() => RunAsync(parseResult, cancellationToken)));
    }

    public Command Command { get; }

    public static string Examples =>
        """
          # Request maintenance; the operator drains sessions and tasks, then switches the Ingress
          kubectl maintenance on shop --message "Upgrade to v2; back at 22:00 UTC"

          # Wait for it, with live progress, at most 20 minutes (exit code 3 on timeout)
          kubectl maintenance on shop --wait --timeout 20m

          # Skip the drain: offline now
          kubectl maintenance on shop --force --wait

        Exit codes: 0 done (OFFLINE with --wait), 1 error, 2 bad usage, 3 --timeout passed,
        4 the operator gave up (Stalled, or back ONLINE after the drain timed out), 130 interrupted.
        """;

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var timeout = _wait.ReadTimeout(parseResult);
        var message = parseResult.GetValue(_message);
        if (message is { Length: > 1024 })
        {
            throw ErrorReporter.Usage("--message is longer than 1024 characters");
        }

        var request = new ModeRequest(
            parseResult.GetValue(_site)!,
            SiteModes.Offline,
            parseResult.GetValue(_force),
            message,
            _wait.ReadWait(parseResult),
            timeout,
            parseResult.GetValue(_wait.IgnoreGitOps));
        using var connection = _environment.Connect(parseResult);
        return await new ModeChange(_environment, new SiteApi(connection)).RunAsync(request, cancellationToken);
    }
}
