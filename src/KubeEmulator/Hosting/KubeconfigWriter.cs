using System.Globalization;
using System.Text;

namespace SiteMaintenance.Emulator.Hosting;

/// <summary>Writes a kubeconfig that kubectl and KubernetesClient accept for a plain-HTTP server with a bearer token.</summary>
public static class KubeconfigWriter
{
    public const string ContextName = "emulator";

    public static string Render(Uri server, string token, string @namespace = "default")
    {
        ArgumentNullException.ThrowIfNull(server);
        var text = new StringBuilder();
        text.AppendLine("apiVersion: v1");
        text.AppendLine("kind: Config");
        text.AppendLine("clusters:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- name: {ContextName}");
        text.AppendLine("  cluster:");
        text.AppendLine(CultureInfo.InvariantCulture, $"    server: {server.ToString().TrimEnd('/')}");
        text.AppendLine("contexts:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- name: {ContextName}");
        text.AppendLine("  context:");
        text.AppendLine(CultureInfo.InvariantCulture, $"    cluster: {ContextName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    user: {ContextName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    namespace: {@namespace}");
        text.AppendLine(CultureInfo.InvariantCulture, $"current-context: {ContextName}");
        text.AppendLine("users:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- name: {ContextName}");
        text.AppendLine("  user:");
        text.AppendLine(CultureInfo.InvariantCulture, $"    token: {token}");
        return text.ToString();
    }

    public static void Write(string path, Uri server, string token, string @namespace = "default")
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Render(server, token, @namespace));
    }
}
