using System.Diagnostics;
using System.Text;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.KubectlMaintenance.Tests.Support;

/// <summary>
/// Runs the built plugin as a real process: directly, or through the machine's kubectl, which
/// finds it on PATH as the plugin <c>maintenance</c>.
/// </summary>
internal sealed class PluginProcess
{
    private readonly string _kubeconfig;

    public PluginProcess(string kubeconfig)
    {
        _kubeconfig = kubeconfig;
        PluginDirectory = Directory.CreateTempSubdirectory("kubectl-maintenance-path-").FullName;

        // Only kubectl-maintenance in the folder on PATH: a wrapper around the build output, so
        // that kubectl does not also see the .dll and .json files beside the executable.
        var wrapper = Path.Combine(PluginDirectory, "kubectl-maintenance");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec '{Executable}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The apphost the build put next to the tests.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "kubectl-maintenance");

    /// <summary>A folder holding only the plugin, for PATH.</summary>
    public string PluginDirectory { get; }

    public Process StartPlugin(params string[] args) => Start(Executable, args);

    public Process StartKubectl(params string[] args) => Start("kubectl", args);

    public Task<PluginResult> RunPluginAsync(params string[] args) => WaitAsync(StartPlugin(args));

    public Task<PluginResult> RunKubectlAsync(params string[] args) => WaitAsync(StartKubectl(args));

    public static async Task<PluginResult> WaitAsync(Process process, TimeSpan? timeout = null)
    {
        using (process)
        {
            var output = await ProcessOutput.CollectAsync(process, process.StartInfo.FileName, timeout ?? TimeSpan.FromSeconds(60));
            return new PluginResult(output.ExitCode, output.Stdout, output.Stderr);
        }
    }

    private Process Start(string fileName, string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECONFIG"] = _kubeconfig;
        info.Environment["HOME"] = PluginDirectory;
        info.Environment["PATH"] = PluginDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        return Process.Start(info) ?? throw new InvalidOperationException($"{fileName} could not be started");
    }
}
