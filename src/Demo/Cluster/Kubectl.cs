using System.Diagnostics;
using SiteMaintenance.Demo.Processes;
using SiteMaintenance.Demo.Setup;
using SiteMaintenance.Demo.Story;
using SiteMaintenance.Demo.Terminal;

namespace SiteMaintenance.Demo.Cluster;

/// <summary>
/// Runs the machine's real kubectl against the demo's API server (KUBECONFIG set, the plugin's
/// folder first on PATH) and shows the command and its real output.
/// </summary>
internal sealed class Kubectl(ProcessSupervisor supervisor, DemoFolder folder, Narrator narrator, string workingDirectory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>The environment kubectl runs with (also what a user exports to explore the demo).</summary>
    public static void Configure(ProcessStartInfo info, DemoFolder folder)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(folder);
        info.Environment["KUBECONFIG"] = folder.Kubeconfig;
        info.Environment["KUBECACHEDIR"] = folder.KubectlCache;
        info.Environment["PATH"] = folder.Bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
    }

    /// <summary>Shows <c>$ kubectl ARGS</c>, runs it, shows its output; a non-zero exit fails the story.</summary>
    public async Task<KubectlResult> ShowAsync(CancellationToken cancellationToken, params string[] args)
    {
        narrator.Command(Display(args));
        var result = await RunAsync(args, cancellationToken);
        narrator.Output(result.Output);
        narrator.Output(result.Error);
        return result.ExitCode == 0
            ? result
            : throw new StoryFailedException($"'{Display(args)}' failed with exit code {result.ExitCode}.");
    }

    /// <summary>Runs kubectl without showing anything.</summary>
    public async Task<KubectlResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("kubectl") { WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Configure(info, folder);
        var child = supervisor.Start("kubectl " + string.Join(' ', args.Take(3)), info, capture: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            var code = await child.Exited.WaitAsync(timeout.Token);
            return new KubectlResult(code, child.StandardOutput, child.StandardError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            child.Kill();
            throw new StoryFailedException($"'{Display(args)}' did not finish within {Patience.TotalSeconds:0} s.");
        }
    }

    /// <summary>The command line as a user would type it in a POSIX shell.</summary>
    public static string Display(IEnumerable<string> args) => "kubectl " + string.Join(' ', args.Select(ShellQuote));

    public static string ShellQuote(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        return arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}

/// <summary>How a kubectl command ended and what it printed.</summary>
internal sealed record KubectlResult(int ExitCode, string Output, string Error);
