using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SiteMaintenance.AspNetCore.Sessions;

/// <summary>
/// Turns a session identifier into the opaque id the endpoint reports: the first 128 bits of
/// HMAC-SHA256 under <see cref="SessionsOptions.IdKey"/>, as hex. The same key on every pod gives
/// the same id for the same session; without the key nothing about the user can be recovered.
/// </summary>
internal sealed class SessionIdHasher
{
    private const string Purpose = "site-maintenance-session:";
    private readonly byte[] _key;

    public SessionIdHasher(IOptions<SiteMaintenanceOptions> options)
    {
        var configured = options.Value.Sessions.IdKey;
        _key = string.IsNullOrEmpty(configured)
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes(configured));
    }

    public string Hash(string sessionKey)
    {
        var input = Encoding.UTF8.GetBytes(Purpose + sessionKey);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, input, mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
