using SiteMaintenance.KubectlMaintenance.Kube;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>
/// Reads a named site; when it does not exist, says which sites do (in the namespace, and
/// where else a site of that name lives when the user may list all namespaces).
/// </summary>
internal static class SiteLookup
{
    public static async Task<V1Alpha1SiteMaintenance> GetAsync(SiteApi api, string ns, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        try
        {
            return await api.GetAsync(ns, name, cancellationToken);
        }
        catch (PluginException e) when (e.Kind == PluginErrorKind.SiteNotFound)
        {
            throw new PluginException(PluginErrorKind.SiteNotFound, e.Message, await HintAsync(api, ns, name, cancellationToken), e.ExitCode, e);
        }
    }

    private static async Task<string> HintAsync(SiteApi api, string ns, string name, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        try
        {
            var here = await api.ListAsync(ns, cancellationToken);
            lines.Add(here.Count == 0
                ? $"There are no sites in namespace \"{ns}\"."
                : $"Sites in namespace \"{ns}\": {string.Join(", ", here.Select(s => s.Metadata.Name))}");
        }
        catch (PluginException)
        {
            // Listing is a courtesy; the user may only be allowed to get.
        }

        try
        {
            var elsewhere = (await api.ListAsync(null, cancellationToken))
                .Where(s => s.Metadata.Name == name && s.Metadata.NamespaceProperty != ns)
                .Select(s => s.Metadata.NamespaceProperty)
                .ToList();
            if (elsewhere.Count > 0)
            {
                lines.Add($"A site \"{name}\" exists in namespace {string.Join(", ", elsewhere.Select(n => $"\"{n}\""))}; select it with -n {elsewhere[0]}.");
            }
        }
        catch (PluginException)
        {
        }

        lines.Add($"Create it with 'kubectl maintenance create {name} -n {ns} --selector app={name} --ingress {name} --maintenance-url URL' (see --help).");
        return string.Join('\n', lines);
    }
}
