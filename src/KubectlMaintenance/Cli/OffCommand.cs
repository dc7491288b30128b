using System.CommandLine;
using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary><c>off SITE</c>: end maintenance (<c>spec.mode: Online</c>), the seed's <c>offline off</c>.</summary>
internal sealed class OffCommand
{
    private readonly CommandEnvironment _environment;
    private readonly Argument<string> _site = SiteArgument.Create<string>("The site (a SiteMaintenance) to bring back online");
    private readonly WaitOptions _wait = new();

    public OffCommand(CommandEnvironment environment)
    {
        _environment = environment;
        Command = new Command("off", "Bring a site back ONLINE: the Ingresses are restored exactly as they were (sets spec.mode: Online)")
        {
            _site,
        };
        _wait.AddTo(Command);
        Command.SetAction((parseResult, cancellationToken) => environment.RunAsync(() => RunAsync(parseResult, cancellationToken)));
    }

    public Command Command { get; }

    public static string Examples =>
        """
          # End maintenance (also cancels a drain in progress)
          kubectl maintenance off shop

          # And wait until the site is ONLINE again
          kubectl maintenance off shop --wait

        Exit codes: 0 done (ONLINE with --wait), 1 error, 2 bad usage, 3 --timeout passed,
        4 the operator reports Stalled, 130 interrupted.
        """;

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var request = new ModeRequest(
            parseResult.GetValue(_site)!,
            SiteModes.Online,
            Force: false,
            Message: null,
            _wait.ReadWait(parseResult),
            _wait.ReadTimeout(parseResult),
            parseResult.GetValue(_wait.IgnoreGitOps));
        using var connection = _environment.Connect(parseResult);
        return await new ModeChange(_environment, new SiteApi(connection)).RunAsync(request, cancellationToken);
    }
}
