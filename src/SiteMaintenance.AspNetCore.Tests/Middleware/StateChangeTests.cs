using System.Net;
using SiteMaintenance.AspNetCore.Tests.Support;

namespace SiteMaintenance.AspNetCore.Tests.Middleware;

/// <summary>The state changing while requests run.</summary>
public sealed class StateChangeTests
{
    [Fact]
    public async Task A_request_in_flight_finishes_while_new_ones_are_turned_away()
    {
        await using var site = await TestSite.StartAsync();
        using var client = site.CreateClient();

        var inFlight = client.GetAsync(new Uri("/slow", UriKind.Relative));
        await site.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await site.SetStateAsync(SiteState.Offline);

        var newRequest = await client.GetAsync(new Uri("/", UriKind.Relative));
        site.SlowGate.SetResult();
        var finished = await inFlight;

        newRequest.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        finished.StatusCode.Should().Be(HttpStatusCode.OK);
        (await finished.Content.ReadAsStringAsync()).Should().Be("slow done");
    }

    [Fact]
    public async Task Many_concurrent_requests_see_each_state_consistently_while_it_flips()
    {
        await using var site = await TestSite.StartAsync();
        using var client = site.CreateClient();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();

        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                statuses.Add((await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            }
        })));
        for (var i = 0; i < 3; i++)
        {
            await site.SetStateAsync(SiteState.Offline);
            await Task.Delay(50);
            await site.SetStateAsync(SiteState.Online);
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await load;

        statuses.Should().Contain(HttpStatusCode.OK).And.Contain(HttpStatusCode.ServiceUnavailable);
        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
    }
}
