namespace SiteMaintenance.Rbac;

/// <summary>Finds the repository's files from a test's output directory.</summary>
public static class RepositoryPaths
{
    private const string Marker = "SiteMaintenance.slnx";

    /// <summary>The repository root: the nearest directory above the running assembly that holds the solution file.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository, e.g. <c>Of("config/default")</c>.</summary>
    public static string Of(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no {Marker} above {AppContext.BaseDirectory}");
    }
}
