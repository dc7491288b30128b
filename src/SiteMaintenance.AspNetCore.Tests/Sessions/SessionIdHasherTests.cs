using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Sessions;

namespace SiteMaintenance.AspNetCore.Tests.Sessions;

/// <summary>
/// The reported id is part of the wire contract: pods of two versions (a rolling upgrade) must
/// give the same id for the same session, or the operator counts it twice.
/// </summary>
public sealed class SessionIdHasherTests
{
    private const string IdKey = "shared-secret";

    [Theory]
    [InlineData("alice")]
    [InlineData("sid-ünïcödé-😀")]
    [InlineData("")]
    public void The_id_is_the_first_128_bits_of_HMAC_SHA256_of_the_purpose_and_the_key(string sessionKey) =>
        Hasher().Hash(sessionKey).Should().Be(Expected(sessionKey));

    [Fact]
    public void A_long_session_key_hashes_the_same_way() =>
        Hasher().Hash(new string('x', 5000) + "é").Should().Be(Expected(new string('x', 5000) + "é"));

    private static SessionIdHasher Hasher()
    {
        var options = new SiteMaintenanceOptions();
        options.Sessions.IdKey = IdKey;
        return new SessionIdHasher(Options.Create(options));
    }

    private static string Expected(string sessionKey)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(IdKey));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("site-maintenance-session:" + sessionKey));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
