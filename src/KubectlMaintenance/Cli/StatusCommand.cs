using System.CommandLine;
using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.KubectlMaintenance.Output;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>
/// <c>status [SITE]</c>: the seed's <c>Status: ONLINE - Active sessions: 13 - Running tasks: 0</c>,
/// for one site with its details, or one line per site of the namespace (all with <c>-A</c>).
/// </summary>
internal sealed class StatusCommand
{
    private readonly CommandEnvironment _environment;
    private readonly Argument<string?> _site = SiteArgument.Create<string?>("The site (a SiteMaintenance); all sites when omitted", ArgumentArity.ZeroOrOne);
    private readonly Option<bool> _allNamespaces = new("--all-namespaces", "-A") { Description = "Every site in every namespace" };
    private readonly Option<string?> _output = OutputOption.Create("json", "yaml");

    public StatusCommand(CommandEnvironment environment)
    {
        _environment = environment;
        Command = new Command("status", "Show whether a site is ONLINE, PENDING or OFFLINE, with its active sessions and running tasks")
        {
            _site,
            _allNamespaces,
            _output,
        };
        Command.SetAction((parseResult, cancellationToken) => environment.RunAsync(() => RunAsync(parseResult, cancellationToken)));
    }

    public Command Command { get; }

    public static string Examples =>
        """
          # The state of one site, as the seed's 'offline status' printed it
          kubectl maintenance status shop

          # Every site in the namespace "web", then in all namespaces
          kubectl maintenance status -n web
          kubectl maintenance status -A

          # The whole object, for scripts
          kubectl maintenance status shop -o json | jq -r .status.phase
        """;

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = parseResult.GetValue(_site);
        var all = parseResult.GetValue(_allNamespaces);
        var format = OutputOption.Read(parseResult.GetValue(_output));
        if (name is not null && all)
        {
            throw ErrorReporter.Usage("a site name cannot be combined with --all-namespaces", "Give -n NAMESPACE with the site instead.");
        }

        using var connection = _environment.Connect(parseResult);
        var api = new SiteApi(connection);
        var ns = connection.Target.Namespace;
        var output = _environment.Console.Out;

        if (name is not null)
        {
            var site = await SiteLookup.GetAsync(api, ns, name, cancellationToken);
            if (format != OutputFormat.Text)
            {
                output.Write(ObjectPrinter.Print([site], format, asList: false));
                return ExitCodes.Success;
            }

            output.WriteLine(SiteStatusText.Summary(site));
            foreach (var line in SiteStatusText.Details(site, _environment.Console.Time.GetUtcNow()))
            {
                output.WriteLine(line);
            }

            return ExitCodes.Success;
        }

        var sites = await api.ListAsync(all ? null : ns, cancellationToken);
        if (format != OutputFormat.Text)
        {
            output.Write(ObjectPrinter.Print(sites, format, asList: true));
            return ExitCodes.Success;
        }

        if (sites.Count == 0)
        {
            _environment.Console.Error.WriteLine(all ? "No sites found." : $"No sites found in namespace \"{ns}\".");
            return ExitCodes.Success;
        }

        var labels = sites.Select(s => all ? $"{s.Metadata.NamespaceProperty}/{s.Metadata.Name}" : s.Metadata.Name).ToList();
        var width = labels.Max(l => l.Length);
        for (var i = 0; i < sites.Count; i++)
        {
            output.WriteLine($"{labels[i].PadRight(width)}  {SiteStatusText.ListLine(sites[i])}");
        }

        return ExitCodes.Success;
    }
}
