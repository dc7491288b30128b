using SiteMaintenance.KubectlMaintenance.Cli;
using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.KubectlMaintenance.Create;

/// <summary>
/// <c>--selector app=shop,tier=web</c>: equality requirements only, which become
/// <c>podSelector.matchLabels</c>. Set-based selectors belong in YAML.
/// </summary>
internal static class SelectorArgument
{
    public static Dictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var pair = part.Split("==", 2) is { Length: 2 } doubled ? doubled : part.Split('=', 2);
            if (pair.Length != 2 || part.Contains("!=", StringComparison.Ordinal))
            {
                throw Invalid(text, $"\"{part}\" is not key=value");
            }

            var (key, value) = (pair[0].Trim(), pair[1].Trim());
            if (!KubernetesNames.IsQualifiedName(key))
            {
                throw Invalid(text, $"\"{key}\" is not a valid label key");
            }

            if (!KubernetesNames.IsLabelValue(value))
            {
                throw Invalid(text, $"\"{value}\" is not a valid label value");
            }

            if (!labels.TryAdd(key, value) && labels[key] != value)
            {
                throw Invalid(text, $"\"{key}\" is given twice");
            }
        }

        if (labels.Count == 0)
        {
            throw Invalid(text, "it is empty, and an empty selector would match every pod");
        }

        return labels;
    }

    private static PluginException Invalid(string text, string why) => ErrorReporter.Usage(
        $"invalid --selector \"{text}\": {why}",
        "Give key=value pairs separated by commas, e.g. --selector app=shop,tier=web. For set-based selectors\n" +
        "(in, notin, !key), write the YAML: add --dry-run=client -o yaml, edit, then kubectl apply -f.");
}
