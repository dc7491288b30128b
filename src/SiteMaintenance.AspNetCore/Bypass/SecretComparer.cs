using System.Security.Cryptography;
using System.Text;

namespace SiteMaintenance.AspNetCore.Bypass;

/// <summary>Compares a given secret with the expected one in constant time, whatever their lengths.</summary>
internal static class SecretComparer
{
    public static bool AreEqual(string? given, string expected)
    {
        if (given is null)
        {
            return false;
        }

        // Hashing first makes both sides the same length, so the time spent reveals nothing.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
