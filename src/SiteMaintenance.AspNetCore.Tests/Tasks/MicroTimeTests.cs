using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using SiteMaintenance.AspNetCore.Kubernetes;

namespace SiteMaintenance.AspNetCore.Tests.Tasks;

/// <summary>Lease times must reach the API server with exactly six fractional digits.</summary>
public sealed partial class MicroTimeTests
{
    [Theory]
    [InlineData("2026-03-01T12:00:00.0000000Z", "2026-03-01T12:00:00.000001Z")]
    [InlineData("2026-03-01T12:00:00.5000000Z", "2026-03-01T12:00:00.500000Z")]
    [InlineData("2026-03-01T12:00:00.1234567Z", "2026-03-01T12:00:00.123456Z")]
    [InlineData("2026-03-01T12:00:00.0000009Z", "2026-03-01T12:00:00.000001Z")]
    public void Lease_times_serialise_with_exactly_six_fractional_digits(string input, string expected)
    {
        var time = MicroTime.From(DateTimeOffset.Parse(input, System.Globalization.CultureInfo.InvariantCulture));
        var lease = new V1Lease { Spec = new V1LeaseSpec { AcquireTime = time, RenewTime = time } };

        var json = KubernetesJson.Serialize(lease);

        json.Should().Contain($"\"renewTime\":\"{expected}\"").And.Contain($"\"acquireTime\":\"{expected}\"");
        SixDigits().Matches(json).Should().HaveCount(2);
    }

    [Fact]
    public void The_client_alone_would_drop_the_fraction_of_a_whole_second()
    {
        // Why MicroTime exists: KubernetesClient writes "…:00Z", which the API server rejects.
        var lease = new V1Lease { Spec = new V1LeaseSpec { RenewTime = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc) } };

        KubernetesJson.Serialize(lease).Should().Contain("\"renewTime\":\"2026-03-01T12:00:00Z\"");
    }

    [Fact]
    public void Values_are_utc_and_never_earlier_than_a_microsecond_before_the_input()
    {
        var now = DateTimeOffset.UtcNow;

        var time = MicroTime.From(now);

        time.Kind.Should().Be(DateTimeKind.Utc);
        (time - now.UtcDateTime).Should().BeGreaterThan(TimeSpan.FromTicks(-10)).And.BeLessThanOrEqualTo(TimeSpan.FromTicks(10));
        (time.Ticks % 10).Should().Be(0);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")]
    private static partial Regex SixDigits();
}
