namespace SiteMaintenance.Emulator.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes (for effects of background controllers).</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met in time{(because is null ? string.Empty : ": " + because)}; last value: {last}");
            }

            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, string? because = null) =>
        GetAsync(probe, x => x, timeout, because);
}
