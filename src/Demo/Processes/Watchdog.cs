using System.Runtime.InteropServices;

namespace SiteMaintenance.Demo.Processes;

/// <summary>
/// <c>SiteMaintenance.Demo.dll --watchdog RECORD</c>: waits until its stdin closes (the demo
/// ended, or died: the kernel closes the pipe in every case), then kills every process in the
/// record that still runs. Ignores Ctrl-C and hang-ups, which reach the whole terminal's process
/// group, so that it outlives a demo that dies of them.
/// </summary>
internal static class Watchdog
{
    public const string Flag = "--watchdog";

    public static async Task<int> RunAsync(string record)
    {
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => c.Cancel = true);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, c => c.Cancel = true);

        var buffer = new byte[64];
        await using (var stdin = Console.OpenStandardInput())
        {
            try
            {
                while (await stdin.ReadAsync(buffer) > 0)
                {
                    // The demo never writes; anything read is ignored.
                }
            }
            catch (IOException)
            {
                // A broken pipe means the same: the demo is gone.
            }
        }

        ProcessRegistry.KillSurvivors(record);
        return 0;
    }
}
