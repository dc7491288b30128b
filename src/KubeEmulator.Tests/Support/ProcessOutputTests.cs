using System.Diagnostics;

namespace SiteMaintenance.Emulator.Tests.Support;

public sealed class ProcessOutputTests
{
    [Fact]
    public async Task Collects_the_exit_code_and_both_streams()
    {
        using var process = Start("echo out; echo err >&2; exit 3");

        var output = await ProcessOutput.CollectAsync(process, "sh", TimeSpan.FromSeconds(30));

        output.Should().Be(new ProcessOutput(3, "out\n", "err\n"));
    }

    [Fact]
    public async Task Past_the_timeout_the_process_is_killed_and_the_error_names_it_with_its_stderr()
    {
        using var process = Start("echo started >&2; sleep 30");

        var collect = () => ProcessOutput.CollectAsync(process, "the sleeper", TimeSpan.FromMilliseconds(500));

        (await collect.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().StartWith("the sleeper did not finish").And.Contain("stderr: started");
        process.HasExited.Should().BeTrue("nothing is left running");
    }

    private static Process Start(string script)
    {
        var info = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        return Process.Start(info)!;
    }
}
