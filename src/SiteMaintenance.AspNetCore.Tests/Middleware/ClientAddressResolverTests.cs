using System.Net;
using Microsoft.AspNetCore.Http;
using SiteMaintenance.AspNetCore.Bypass;

namespace SiteMaintenance.AspNetCore.Tests.Middleware;

public sealed class ClientAddressResolverTests
{
    private static readonly NetworkList Proxies = new(["10.0.0.0/8", "fd00::/8"]);

    [Theory]
    [InlineData("10.1.1.1", null, "10.1.1.1")]
    [InlineData("10.1.1.1", "203.0.113.5", "203.0.113.5")]
    [InlineData("10.1.1.1", "203.0.113.5, 10.2.2.2", "203.0.113.5")]
    [InlineData("10.1.1.1", "198.51.100.1, 203.0.113.5", "203.0.113.5")]
    [InlineData("10.1.1.1", "203.0.113.5:4711", "203.0.113.5")]
    [InlineData("10.1.1.1", "[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("10.1.1.1", "garbage", "10.1.1.1")]
    [InlineData("192.0.2.1", "203.0.113.5", "192.0.2.1")]
    public void Resolves_the_client_behind_trusted_proxies(string remote, string? forwardedFor, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        ClientAddressResolver.Resolve(context, Proxies).Should().Be(IPAddress.Parse(expected));
    }

    [Fact]
    public void Ipv4_mapped_addresses_match_ipv4_networks()
    {
        var networks = new NetworkList(["127.0.0.0/8"]);

        networks.Contains(IPAddress.Parse("::ffff:127.0.0.1")).Should().BeTrue();
        networks.Contains(IPAddress.Parse("::1")).Should().BeFalse();
    }

    [Fact]
    public void A_bare_address_is_a_single_host_network()
    {
        var networks = new NetworkList(["192.0.2.7"]);

        networks.Contains(IPAddress.Parse("192.0.2.7")).Should().BeTrue();
        networks.Contains(IPAddress.Parse("192.0.2.8")).Should().BeFalse();
    }
}
