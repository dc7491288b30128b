namespace SiteMaintenance.Demo.Setup;

/// <summary>
/// Puts the built plugin on the demo's PATH folder as <c>kubectl-maintenance</c>: a two-line
/// script that runs the build output, so that kubectl finds only that one file there (a build
/// folder would also show it the .dll and .json files beside the executable).
/// </summary>
internal static class PluginShim
{
    public static string Write(string binFolder, string dotnet, string pluginAssembly)
    {
        var path = Path.Combine(binFolder, "kubectl-maintenance");
        File.WriteAllText(path, $"#!/bin/sh\nexec {Quote(dotnet)} {Quote(pluginAssembly)} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return path;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
