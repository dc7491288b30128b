using System.Text.Json;
using k8s;
using k8s.Autorest;
using SiteMaintenance.Demo.Story;

namespace SiteMaintenance.Demo.Cluster;

/// <summary>Reads one SiteMaintenance through the API and waits for its status to say something.</summary>
internal sealed class SiteWatcher(IKubernetes client, string @namespace, string name)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    public string Name => name;

    /// <summary>The site now; null when it does not exist.</summary>
    public async Task<SiteObservation?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var site = await client.CustomObjects.GetNamespacedCustomObjectAsync(
                "sitemaintenance.io", "v1alpha1", @namespace, "sitemaintenances", name, cancellationToken);
            return site is JsonElement json ? SiteObservation.From(json) : null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Waits until the site's current status satisfies <paramref name="until"/>; fails the story after <paramref name="timeout"/>.</summary>
    public async Task<SiteObservation> WaitForAsync(Func<SiteObservation, bool> until, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        SiteObservation? last = null;
        while (true)
        {
            last = await ReadAsync(cancellationToken) ?? last;
            if (last is { IsCurrent: true } current && until(current))
            {
                return current;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StoryFailedException($"The site did not reach {what} within {timeout.TotalSeconds:0} s; last seen: {last?.ToString() ?? "no site"}.");
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }
}
