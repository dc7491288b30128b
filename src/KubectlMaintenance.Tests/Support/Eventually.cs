namespace SiteMaintenance.KubectlMaintenance.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes (for what a running command or background task does).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> probe, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in time");
            }

            await Task.Delay(20);
        }
    }
}
