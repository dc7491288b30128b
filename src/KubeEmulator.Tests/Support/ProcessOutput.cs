using System.Diagnostics;

namespace SiteMaintenance.Emulator.Tests.Support;

/// <summary>
/// What a finished child process printed. Shared (as a linked file) by the test projects that
/// run kubectl, the plugin or a build as a process.
/// </summary>
internal sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// Reads both streams of <paramref name="process"/> (started with them redirected) until it
    /// exits. Past <paramref name="timeout"/> it kills the process tree, so nothing is left
    /// running, and throws a <see cref="TimeoutException"/> naming <paramref name="what"/> with
    /// what the process wrote to stderr.
    /// </summary>
    public static async Task<ProcessOutput> CollectAsync(Process process, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {timeout}; stderr: {await stderr}");
        }

        return new ProcessOutput(process.ExitCode, await stdout, await stderr);
    }
}
