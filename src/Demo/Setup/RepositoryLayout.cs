using System.Reflection;

namespace SiteMaintenance.Demo.Setup;

/// <summary>
/// Where the demo finds what it runs: the repository's manifests and the other programs' build
/// output (<c>bin/&lt;Configuration&gt;/&lt;TargetFramework&gt;</c>, the same as the demo's own).
/// </summary>
internal sealed class RepositoryLayout
{
    private const string SolutionFile = "SiteMaintenance.slnx";

    private RepositoryLayout(string root, string configuration, string targetFramework)
    {
        Root = root;
        var output = Path.Combine("bin", configuration, targetFramework);
        ShopApp = Path.Combine(root, "samples", "ShopApp", output, "ShopApp.dll");
        Operator = Path.Combine(root, "src", "Operator", output, "site-maintenance-operator.dll");
        Plugin = Path.Combine(root, "src", "KubectlMaintenance", output, "kubectl-maintenance.dll");
        Crd = Path.Combine(root, "config", "crd", "bases", "sitemaintenance.io_sitemaintenances.yaml");
        Sample = Path.Combine(root, "config", "samples", "sitemaintenance_v1alpha1_sitemaintenance.yaml");
    }

    public string Root { get; }

    public string ShopApp { get; }

    public string Operator { get; }

    /// <summary>The kubectl plugin's assembly (run with <c>dotnet</c>).</summary>
    public string Plugin { get; }

    public string Crd { get; }

    public string Sample { get; }

    /// <summary>The files the demo needs, for the prerequisite check.</summary>
    public IEnumerable<string> RequiredFiles => [ShopApp, Operator, Plugin, Crd, Sample];

    /// <summary>
    /// The repository holding <paramref name="explicitRoot"/>, or the first folder above the
    /// program (or the current folder) that holds the solution file; null when there is none.
    /// </summary>
    public static RepositoryLayout? Find(string? explicitRoot)
    {
        var assembly = typeof(RepositoryLayout).Assembly;
        var configuration = Metadata(assembly, "BuildConfiguration") ?? "Release";
        var framework = Metadata(assembly, "TargetFramework") ?? "net10.0";
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot);
            return File.Exists(Path.Combine(full, SolutionFile)) ? new RepositoryLayout(full, configuration, framework) : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                {
                    return new RepositoryLayout(folder.FullName, configuration, framework);
                }
            }
        }

        return null;
    }

    /// <summary><paramref name="path"/> relative to the repository when it is inside it (for display).</summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string? Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
