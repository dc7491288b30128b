using System.CommandLine;
using SiteMaintenance.KubectlMaintenance.Output;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary><c>-o, --output json|yaml</c>.</summary>
internal static class OutputOption
{
    public static Option<string?> Create(params string[] formats)
    {
        var option = new Option<string?>("--output", "-o")
        {
            Description = $"Print the object(s) instead of text: {string.Join('|', formats)}",
            HelpName = "FORMAT",
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static OutputFormat Read(string? value) => value switch
    {
        "json" => OutputFormat.Json,
        "yaml" => OutputFormat.Yaml,
        _ => OutputFormat.Text,
    };
}
