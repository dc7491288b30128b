using System.CommandLine;
using SiteMaintenance.KubectlMaintenance.Create;
using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.KubectlMaintenance.Output;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary><c>create SITE ...</c>: a first SiteMaintenance without writing YAML (or the YAML to start from).</summary>
internal sealed class CreateCommand
{
    private readonly CommandEnvironment _environment;
    private readonly Argument<string> _site = SiteArgument.Create<string>("The name of the new site (a SiteMaintenance)");
    private readonly Option<string?> _selector = new("--selector", "-l") { Description = "The app's pods to ask for active sessions, as key=value[,key=value]", HelpName = "LABELS" };
    private readonly Option<int?> _port = new("--port") { Description = "The port of the pods' sessions endpoint (default 8080)", HelpName = "PORT" };
    private readonly Option<string?> _path = new("--path") { Description = "The path of the sessions endpoint (default /.well-known/site-maintenance/sessions)", HelpName = "PATH" };
    private readonly Option<string?> _tokenSecret = new("--token-secret") { Description = "A Secret key holding the endpoint's bearer token", HelpName = "SECRET:KEY" };
    private readonly Option<string?> _aggregation = new("--aggregation") { Description = "How pod counts combine: Auto, Sum or Max", HelpName = "MODE" };
    private readonly Option<string?> _onUnreachable = new("--on-unreachable") { Description = "A pod that does not answer: Block (keeps PENDING) or Ignore", HelpName = "POLICY" };
    private readonly Option<string[]> _ingresses = new("--ingress") { Description = "An Ingress to switch while OFFLINE: NAME (ingress-nginx redirect), NAME:nginx or NAME:traefik=MIDDLEWARE; repeatable", HelpName = "NAME[:PROFILE]" };
    private readonly Option<string?> _maintenanceUrl = new("--maintenance-url") { Description = "The maintenance page (required for ingress-nginx ingresses)", HelpName = "URL" };
    private readonly Option<string?> _message = new("--message", "-m") { Description = "The message users see while PENDING or OFFLINE", HelpName = "TEXT" };
    private readonly Option<string?> _drainTimeout = new("--drain-timeout") { Description = "How long to wait for the drain (default 15m)", HelpName = "DURATION" };
    private readonly Option<string?> _onTimeout = new("--on-timeout") { Description = "After the drain timeout: Offline (go anyway), Online (give up) or Wait", HelpName = "ACTION" };
    private readonly Option<string?> _pollInterval = new("--poll-interval") { Description = "How often sessions are counted (default 5s)", HelpName = "DURATION" };
    private readonly Option<string?> _lockConfigMap = new("--lock-configmap") { Description = "The lock ConfigMap's name (default SITE-maintenance)", HelpName = "NAME" };
    private readonly Option<string?> _dryRun = new("--dry-run")
    {
        Description = "none, client (print without sending; the default of a bare --dry-run) or server (validate and default on the server without storing)",
        HelpName = "none|client|server",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _output = OutputOption.Create("json", "yaml", "name");

    public CreateCommand(CommandEnvironment environment)
    {
        _environment = environment;
        _dryRun.AcceptOnlyFromAmong("none", "client", "server");
        _ingresses.AllowMultipleArgumentsPerToken = false;
        Command = new Command("create", "Create a site (a SiteMaintenance resource) from flags, starting ONLINE")
        {
            _site, _selector, _port, _path, _tokenSecret, _aggregation, _onUnreachable, _ingresses, _maintenanceUrl,
            _message, _drainTimeout, _onTimeout, _pollInterval, _lockConfigMap, _dryRun, _output,
        };
        Command.SetAction((parseResult, cancellationToken) => environment.RunAsync(() => RunAsync(parseResult, cancellationToken)));
    }

    public Command Command { get; }

    public static string Examples =>
        """
          # A shop whose pods (app=shop) report sessions, behind the ingress-nginx Ingress "shop"
          kubectl maintenance create shop --selector app=shop --ingress shop \
            --maintenance-url https://status.example.com/maintenance.html

          # Behind Traefik, giving up (back ONLINE) if sessions have not drained in 30 minutes
          kubectl maintenance create blog --selector app=blog \
            --ingress blog:traefik=web-maintenance@kubernetescrd --drain-timeout 30m --on-timeout Online

          # Print the YAML instead, to keep in git
          kubectl maintenance create shop --selector app=shop --ingress shop \
            --maintenance-url https://status.example.com/ --dry-run=client -o yaml > shop-maintenance.yaml
        """;

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        // A bare --dry-run means client, as kubectl took it.
        var dryRun = parseResult.GetValue(_dryRun) ?? (parseResult.GetResult(_dryRun) is null ? "none" : "client");
        var output = parseResult.GetValue(_output);
        var request = new CreateRequest
        {
            Name = parseResult.GetValue(_site)!,
            Selector = parseResult.GetValue(_selector),
            Port = parseResult.GetValue(_port),
            Path = parseResult.GetValue(_path),
            TokenSecret = parseResult.GetValue(_tokenSecret),
            Aggregation = parseResult.GetValue(_aggregation),
            OnUnreachable = parseResult.GetValue(_onUnreachable),
            Ingresses = parseResult.GetValue(_ingresses) ?? [],
            MaintenanceUrl = parseResult.GetValue(_maintenanceUrl),
            Message = parseResult.GetValue(_message),
            DrainTimeout = parseResult.GetValue(_drainTimeout),
            OnTimeout = parseResult.GetValue(_onTimeout),
            PollInterval = parseResult.GetValue(_pollInterval),
            LockConfigMap = parseResult.GetValue(_lockConfigMap),
        };

        // Built (and so the flags checked) before touching the cluster, which gives the namespace.
        var site = SiteManifestBuilder.Build(request);
        if (dryRun == "client")
        {
            site.Metadata.NamespaceProperty = ClientNamespace(parseResult);
            Print(site, output, " (dry run)");
            return ExitCodes.Success;
        }

        using var connection = _environment.Connect(parseResult);
        var api = new SiteApi(connection);
        site.Metadata.NamespaceProperty = connection.Target.Namespace;
        var created = await api.CreateAsync(site, serverDryRun: dryRun == "server", cancellationToken);
        Print(created, output, dryRun == "server" ? " (server dry run)" : "");
        return ExitCodes.Success;
    }

    // --dry-run=client needs no cluster: -n, else the kubeconfig's namespace when there is one.
    private string? ClientNamespace(ParseResult parseResult)
    {
        if (parseResult.GetValue(_environment.Global.Namespace) is { Length: > 0 } ns)
        {
            return ns;
        }

        try
        {
            using var connection = _environment.Connect(parseResult);
            return connection.Target.Namespace;
        }
        catch (PluginException e) when (e.Kind == PluginErrorKind.Config)
        {
            return null;
        }
    }

    private void Print(V1Alpha1SiteMaintenance site, string? output, string suffix)
    {
        var resource = $"{V1Alpha1SiteMaintenance.KubeSingularName}.{V1Alpha1SiteMaintenance.KubeGroup}/{site.Metadata.Name}";
        var text = output switch
        {
            "json" or "yaml" => ObjectPrinter.Print([site], OutputOption.Read(output), asList: false),
            "name" => resource + "\n",
            _ => $"{resource} created{suffix}\n",
        };
        _environment.Console.Out.Write(text);
    }
}
