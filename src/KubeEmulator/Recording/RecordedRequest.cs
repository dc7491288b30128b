using System.Security.Cryptography;
using System.Text;

namespace SiteMaintenance.Emulator.Recording;

/// <summary>One API request as the emulator saw it (what RBAC would be asked about, plus who and how it ended).</summary>
/// <param name="Credential">
/// Which bearer token authenticated the request (<see cref="CredentialOf"/>; empty when anonymous),
/// as the apiserver's audit log names the credential (<c>authentication.kubernetes.io/credential-id</c>)
/// and never the token: it tells apart two clients that share a user, such as two replicas of one
/// ServiceAccount.
/// </param>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Verb,
    string Group,
    string Version,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    string User,
    string UserAgent,
    string Method,
    string Path,
    string Query,
    int StatusCode,
    string Credential = "")
{
    /// <summary>How long the emulator took to answer (for a watch: how long it stayed open).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True for requests that change state (create, update, patch, delete, deletecollection).</summary>
    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";

    /// <summary>The <see cref="Credential"/> of requests that carry <paramref name="token"/>: a short digest of it.</summary>
    public static string CredentialOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return "token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
    }

    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource}{(Subresource.Length > 0 ? "/" + Subresource : string.Empty)} ns={Namespace} name={Name} user={User} -> {StatusCode}";
}
