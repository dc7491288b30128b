using System.Collections.Concurrent;
using System.Diagnostics;

namespace SiteMaintenance.Rbac;

/// <summary>Renders a Kustomize directory with <c>kubectl kustomize</c> (offline; cached per directory).</summary>
public static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Cache = new(StringComparer.Ordinal);

    public static string Render(string directory) =>
        Cache.GetOrAdd(Path.GetFullPath(directory), d => new Lazy<string>(() => Run(d))).Value;

    private static string Run(string directory)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("kustomize");
        info.ArgumentList.Add(directory);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("kubectl could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("rendering Kustomize needs kubectl on PATH: " + e.Message, e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {directory} did not finish within a minute");
            }

            return process.ExitCode == 0
                ? stdout
                : throw new InvalidOperationException($"kubectl kustomize {directory} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}
