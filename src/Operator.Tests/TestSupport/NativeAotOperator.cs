using System.Diagnostics;
using SiteMaintenance.Emulator.Tests.Support;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>
/// The NativeAOT operator binary as the release image ships it, published by
/// <c>scripts/publish-aot.sh</c> into <c>artifacts/aot/operator</c> (as <c>make publish-aot</c> and
/// <c>make test</c> do). The publish is incremental: after <c>make test</c> has run it, it takes
/// seconds.
/// </summary>
internal static class NativeAotOperator
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>Publishes (or confirms a fresh publish) and returns the binary's path.</summary>
    /// <exception cref="InvalidOperationException">The publish failed: the message is the script's output (e.g. clang or zlib missing).</exception>
    public static async Task<string> PublishAsync()
    {
        var output = Path.Combine(RepositoryPaths.Root, "artifacts", "aot", "operator");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add("scripts/publish-aot.sh");
        start.ArgumentList.Add("src/Operator/Operator.csproj");
        start.ArgumentList.Add(output);

        // The test host's MSBuild settings must not leak into the child build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var published = await ProcessOutput.CollectAsync(process, "scripts/publish-aot.sh", Patience);
        var log = published.Stdout + published.Stderr;
        if (published.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/publish-aot.sh failed with exit code {published.ExitCode}; the NativeAOT operator cannot be tested:{Environment.NewLine}{Tail(log)}");
        }

        var binary = Path.Combine(output, "site-maintenance-operator");
        return File.Exists(binary) ? binary : throw new InvalidOperationException($"The publish reported success but {binary} does not exist:{Environment.NewLine}{Tail(log)}");
    }

    private static string Tail(string log)
    {
        var lines = log.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 40)));
    }
}
