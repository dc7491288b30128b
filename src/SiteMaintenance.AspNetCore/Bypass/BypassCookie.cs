using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SiteMaintenance.AspNetCore.Bypass;

/// <summary>
/// The bypass cookie's value: <c>&lt;expiry unix seconds&gt;.&lt;HMAC-SHA256&gt;</c>, keyed by the
/// secret bypass token. Every pod that knows the token can verify it (no shared key ring
/// needed), and changing the token revokes every cookie.
/// </summary>
internal sealed class BypassCookie
{
    private const string Purpose = "site-maintenance-bypass:";
    private readonly byte[] _key;

    public BypassCookie(string token) => _key = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public string Issue(DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return seconds + "." + Sign(seconds);
    }

    public bool IsValid(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(value[..dot]));
        var given = Encoding.ASCII.GetBytes(value[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) && now.ToUnixTimeSeconds() < seconds;
    }

    private string Sign(string seconds)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Purpose + seconds));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
