using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using SiteMaintenance.Emulator;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Operator.Runtime.LeaderElection;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Runtime.LeaderElection;

/// <summary>
/// Leader election against the emulator with short leases: one leader at a time, a quick takeover
/// on release, loss within the renew deadline and regain after it (the re-election bugs of other
/// operator runtimes), and Lease times the real apiserver accepts.
/// </summary>
public sealed partial class LeaderElectorTests
{
    [Fact]
    public async Task Of_two_electors_exactly_one_leads_and_the_Lease_names_it()
    {
        await using var api = await KubeEmulator.StartAsync();
        await using var a = new ElectorHarness(api, "a");
        await using var b = new ElectorHarness(api, "b");

        await Eventually.HoldsAsync(() => a.Elector.IsLeader || b.Elector.IsLeader, "a leader");
        var (leader, standby) = a.Elector.IsLeader ? (a, b) : (b, a);

        // Several renewals later, still exactly one leader, and both agree who it is.
        for (var deadline = DateTime.UtcNow.AddSeconds(1.5); DateTime.UtcNow < deadline; await Task.Delay(25))
        {
            (a.Elector.IsLeader ^ b.Elector.IsLeader).Should().BeTrue("exactly one elector leads");
        }

        leader.Elector.IsLeader.Should().BeTrue();
        standby.Elector.State.Should().Be(LeadershipState.Standby);
        standby.Elector.ObservedLeader.Should().Be(leader.Elector.Identity);
        var lease = await ElectorHarness.ReadLeaseAsync(api);
        lease.Spec.HolderIdentity.Should().Be(leader.Elector.Identity);
        lease.Spec.LeaseDurationSeconds.Should().Be(2);
        lease.Spec.RenewTime.Should().BeAfter(lease.Spec.AcquireTime!.Value, "the leader has renewed since it acquired");
    }

    [Fact]
    public async Task When_the_leader_stops_it_releases_the_Lease_and_the_standby_takes_over_without_waiting_for_expiry()
    {
        await using var api = await KubeEmulator.StartAsync();
        var slowExpiry = ElectorHarness.Fast with { LeaseDuration = TimeSpan.FromSeconds(30) };
        await using var a = new ElectorHarness(api, "a", slowExpiry);
        var firstTerm = await a.TermAsync("a to lead");
        await using var b = new ElectorHarness(api, "b", slowExpiry);
        await Eventually.HoldsAsync(() => b.Elector.State == LeadershipState.Standby, "b on standby");

        var stopped = DateTime.UtcNow;
        await a.StopAsync();

        firstTerm.Ended.IsCancellationRequested.Should().BeTrue();
        await b.TermAsync("b to take over");
        (DateTime.UtcNow - stopped).Should().BeLessThan(TimeSpan.FromSeconds(5), "the lease was released, not left to expire after 30 s");
        var lease = await ElectorHarness.ReadLeaseAsync(api);
        lease.Spec.HolderIdentity.Should().Be("b");
        lease.Spec.LeaseTransitions.Should().Be(1);
    }

    [Fact]
    public async Task A_leader_cut_off_from_the_server_stops_leading_within_the_renew_deadline_and_a_standby_takes_over_after_the_lease_duration()
    {
        await using var api = await KubeEmulator.StartAsync();
        await using var a = new ElectorHarness(api, "a");
        var term = await a.TermAsync("a to lead");
        await using var b = new ElectorHarness(api, "b");
        await Eventually.HoldsAsync(() => b.Elector.State == LeadershipState.Standby, "b on standby");

        var cut = DateTime.UtcNow;
        a.Partition.Failing = true;

        await Eventually.WithinAsync(Task.Delay(Timeout.Infinite, term.Ended).ContinueWith(_ => { }, TaskScheduler.Default), "a's term to end");
        var lost = DateTime.UtcNow - cut;
        await b.TermAsync("b to take over");
        var takenOver = DateTime.UtcNow - cut;

        // Renew deadline 1 s after a retry period of 0.2 s; the standby waits out the 2 s lease.
        lost.Should().BeLessThan(TimeSpan.FromSeconds(2.5), "renew deadline 1 s after a retry period of 0.2 s, with room for a busy machine");
        takenOver.Should().BeGreaterThan(lost, "the standby never takes over while the old leader may still act");
        a.Elector.IsLeader.Should().BeFalse();
    }

    [Fact]
    public async Task API_errors_on_renewal_end_the_term_within_the_deadline_and_leadership_is_regained_each_time_the_API_recovers()
    {
        await using var api = await KubeEmulator.StartAsync();
        await using var a = new ElectorHarness(api, "a");

        for (var round = 1; round <= 3; round++)
        {
            var term = await a.TermAsync($"term {round}");
            term.Number.Should().Be(round);

            var outage = api.Faults.Add(r => r.Resource == "leases", Fault.Error(500));
            var started = DateTime.UtcNow;
            await Eventually.HoldsAsync(() => term.Ended.IsCancellationRequested, $"term {round} to end");
            (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(2.5), "renew deadline 1 s, retry period 0.2 s");
            a.Elector.State.Should().Be(LeadershipState.Standby);

            api.Faults.Remove(outage);
        }

        (await a.TermAsync("term 4")).Number.Should().Be(4);
    }

    [Fact]
    public async Task A_leader_that_finds_another_holder_on_the_Lease_stops_at_once_rather_than_at_the_deadline()
    {
        await using var api = await KubeEmulator.StartAsync();
        var longDeadline = ElectorHarness.Fast with { LeaseDuration = TimeSpan.FromSeconds(20), RenewDeadline = TimeSpan.FromSeconds(10) };
        await using var a = new ElectorHarness(api, "a", longDeadline);
        var term = await a.TermAsync("a to lead");

        var lease = await ElectorHarness.ReadLeaseAsync(api);
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = MicroTime.Now(TimeProvider.System);
        await api.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, ElectorHarness.LeaseName, "default");
        var taken = DateTime.UtcNow;

        await Eventually.HoldsAsync(() => term.Ended.IsCancellationRequested, "a's term to end");
        (DateTime.UtcNow - taken).Should().BeLessThan(TimeSpan.FromSeconds(2));
        a.Elector.ObservedLeader.Should().Be("intruder");
    }

    [Fact]
    public async Task The_Lease_always_carries_six_digit_MicroTimes_even_when_the_clock_reads_a_whole_second()
    {
        await using var api = await KubeEmulator.StartAsync();
        await using (var a = new ElectorHarness(api, "a", time: new WholeSecondClock()))
        {
            await a.TermAsync("a to lead");
            await Eventually.HoldsAsync(
                () => api.Requests.Snapshot().Count(r => r.Resource == "leases" && r.Verb == "update") >= 3,
                "a few renewals");
        }

        // Stopping released the Lease: one more write.
        var leaseRequests = api.Requests.Snapshot().Where(r => r.Resource == "leases").ToList();
        leaseRequests.Should().OnlyContain(r => r.StatusCode < 400 || r.StatusCode == 404, "the apiserver rejects other widths with 400");
        var spec = await ReadRawLeaseSpecAsync(api);
        spec["holderIdentity"]!.GetValue<string>().Should().BeEmpty();
        spec["leaseDurationSeconds"]!.GetValue<int>().Should().Be(1);
        spec["acquireTime"]!.GetValue<string>().Should().MatchRegex(SixDigits().ToString());
        spec["renewTime"]!.GetValue<string>().Should().MatchRegex(SixDigits().ToString());
    }

    [Fact]
    public void MicroTime_values_are_cut_to_microseconds_and_never_a_whole_second()
    {
        var whole = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var fine = whole.AddTicks(1234567);

        MicroTime.ForWire(whole).Should().Be(whole.AddTicks(10));
        MicroTime.ForWire(fine).Should().Be(whole.AddTicks(1234560));
        KubernetesJson.Serialize(new LeaderElectionRecord("x", 15, whole, fine, 0).ToSpec())
            .Should().Contain("\"acquireTime\":\"2026-01-01T12:00:00.000001Z\"")
            .And.Contain("\"renewTime\":\"2026-01-01T12:00:00.123456Z\"");
    }

    [Theory]
    [InlineData(15, 10, 2, true)]
    [InlineData(10, 10, 2, false)]
    [InlineData(15, 2, 2, false)]
    [InlineData(15, 10, 0, false)]
    public void The_configuration_follows_client_go_rules(int leaseSeconds, int deadlineSeconds, int retrySeconds, bool valid)
    {
        var config = new LeaderElectionConfig
        {
            Namespace = "ns",
            Name = "lease",
            Identity = "me",
            LeaseDuration = TimeSpan.FromSeconds(leaseSeconds),
            RenewDeadline = TimeSpan.FromSeconds(deadlineSeconds),
            RetryPeriod = TimeSpan.FromSeconds(retrySeconds),
        };

        config.Problems().Should().HaveCount(valid ? 0 : 1);
    }

    private static async Task<JsonObject> ReadRawLeaseSpecAsync(KubeEmulator api)
    {
        using var http = new HttpClient { BaseAddress = api.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Options.AdminToken);
        var json = await http.GetStringAsync($"/apis/coordination.k8s.io/v1/namespaces/default/leases/{ElectorHarness.LeaseName}");
        return JsonNode.Parse(json)!["spec"]!.AsObject();
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")]
    private static partial Regex SixDigits();
}
