using SiteMaintenance.Demo.Processes;
using SiteMaintenance.Demo.Story;

namespace SiteMaintenance.Demo.Shop;

/// <summary>Waits until a process answers an HTTP health check with 2xx (or fails the story when it dies or takes too long).</summary>
internal static class HttpReadiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task WaitAsync(Uri url, ChildProcess process, string logFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new StoryFailedException(
                    $"{process.Name} (pid {process.Pid}) exited with code {await process.Exited} before {url} answered. Its last lines ({logFile}):\n  "
                    + string.Join("\n  ", process.Tail(15)));
            }

            try
            {
                using var response = await Http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StoryFailedException($"{process.Name} (pid {process.Pid}) did not answer {url} within {timeout.TotalSeconds:0} s; see {logFile}.");
            }

            await Task.Delay(150, cancellationToken);
        }
    }
}
