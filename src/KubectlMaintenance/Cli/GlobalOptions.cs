using System.CommandLine;
using SiteMaintenance.KubectlMaintenance.Kube;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>kubectl's connection flags, accepted by every command.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config)",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (default: the current context)",
        HelpName = "NAME",
        Recursive = true,
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace of the site (default: the context's namespace, else default)",
        HelpName = "NAMESPACE",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Kubeconfig);
        root.Options.Add(Context);
        root.Options.Add(Namespace);
    }

    public ConnectionOptions Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new(parseResult.GetValue(Kubeconfig), parseResult.GetValue(Context), parseResult.GetValue(Namespace));
    }
}
