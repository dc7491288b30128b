namespace SiteMaintenance.KubectlMaintenance.Output;

/// <summary>The <c>-o</c> formats: the plugin's text, or the objects as JSON or YAML (as <c>kubectl get -o</c>).</summary>
internal enum OutputFormat
{
    Text,
    Json,
    Yaml,
}
