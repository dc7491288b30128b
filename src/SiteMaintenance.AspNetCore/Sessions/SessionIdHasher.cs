using System.Buffers;
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
    private const int StackLimit = 256;
    private readonly byte[] _key;

    private static ReadOnlySpan<byte> Purpose => "site-maintenance-session:"u8;

    public SessionIdHasher(IOptions<SiteMaintenanceOptions> options)
    {
        var configured = options.Value.Sessions.IdKey;
        _key = string.IsNullOrEmpty(configured)
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes(configured));
    }

    /// <remarks>
    /// Runs on every request that carries a session, so the HMAC input (the purpose, then the key,
    /// as UTF-8) is written into a stack or pooled buffer: the id string is the only allocation.
    /// </remarks>
    public string Hash(string sessionKey)
    {
        var purpose = Purpose;
        var length = purpose.Length + Encoding.UTF8.GetMaxByteCount(sessionKey.Length);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            purpose.CopyTo(buffer);
            var written = purpose.Length + Encoding.UTF8.GetBytes(sessionKey, buffer[purpose.Length..]);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, buffer[..written], mac);
            return Convert.ToHexStringLower(mac[..16]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
