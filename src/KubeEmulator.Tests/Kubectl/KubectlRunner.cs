using System.Diagnostics;
using System.Text;
using SiteMaintenance.Emulator.Tests.Support;

namespace SiteMaintenance.Emulator.Tests.Kubectl;

/// <summary>Runs the machine's real kubectl against a kubeconfig, with its own cache directory.</summary>
internal sealed class KubectlRunner(string kubeconfig, string cacheDir)
{
    public async Task<KubectlResult> RunAsync(string arguments, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(arguments, redirectInput: stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var output = await ProcessOutput.CollectAsync(process, $"kubectl {arguments}", timeout ?? TimeSpan.FromSeconds(60));
        return new KubectlResult(output.ExitCode, output.Stdout, output.Stderr);
    }

    /// <summary>Starts kubectl and leaves it running (for <c>get -w</c>, blocking deletes and waits).</summary>
    public Process Start(string arguments, bool redirectInput = false)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in SplitArgs($"--kubeconfig {kubeconfig} --cache-dir {cacheDir} {arguments}"))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("KUBECONFIG");
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl could not be started");
    }

    private static IEnumerable<string> SplitArgs(string command)
    {
        var current = new StringBuilder();
        var quote = '\0';
        foreach (var c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}

internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult ShouldSucceed()
    {
        ExitCode.Should().Be(0, $"kubectl should succeed; stderr: {Stderr}; stdout: {Stdout}");
        return this;
    }
}
