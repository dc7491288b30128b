using System.Diagnostics;

namespace SiteMaintenance.Demo.Processes;

/// <summary>
/// Builds <c>dotnet ASSEMBLY ARGS</c> start infos with the same <c>dotnet</c> that runs the demo,
/// from the repository's root, without the caller's KUBECONFIG (each program gets its kubeconfig
/// as a flag).
/// </summary>
internal sealed class DotnetLauncher(string workingDirectory)
{
    /// <summary>The dotnet host running this process (else <c>dotnet</c> from PATH).</summary>
    public string Muxer { get; } =
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    public ProcessStartInfo Create(string assembly, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Muxer) { WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("KUBECONFIG");
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }
}
