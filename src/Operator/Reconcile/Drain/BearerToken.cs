using System.Text;
using k8s;
using k8s.Autorest;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Kube;
using SiteMaintenance.Operator.Reconcile.Status;

namespace SiteMaintenance.Operator.Reconcile.Drain;

/// <summary>The bearer token for the sessions endpoint, or why there is none.</summary>
/// <param name="Token">The token; null when there is a problem.</param>
/// <param name="Reason">A CamelCase reason for the Stalled condition; null when the token was read.</param>
/// <param name="Message">What is wrong, for people; null when the token was read.</param>
internal sealed record BearerToken(string? Token, string? Reason, string? Message)
{
    /// <summary>True when there is no usable token.</summary>
    public bool IsProblem => Reason is not null;

    /// <summary>
    /// Reads <paramref name="reference"/> through the API (Secrets are not cached). Surrounding
    /// whitespace is trimmed, so a token file saved with a final newline works.
    /// </summary>
    public static async Task<BearerToken> ReadAsync(
        IKubernetes kubernetes, string @namespace, SecretKeyReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentNullException.ThrowIfNull(reference);
        const string field = "spec.sessions.tokenSecretRef";
        k8s.Models.V1Secret secret;
        try
        {
            secret = await kubernetes.CoreV1.ReadNamespacedSecretAsync(reference.Name, @namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.IsNotFound())
        {
            return new(null, ConditionReasons.TokenSecretNotFound, $"{field}: Secret \"{reference.Name}\" not found in namespace \"{@namespace}\"");
        }

        if (secret.Data is null || !secret.Data.TryGetValue(reference.Key, out var bytes) || bytes is null)
        {
            return new(null, ConditionReasons.TokenKeyNotFound, $"{field}: Secret \"{reference.Name}\" has no key \"{reference.Key}\"");
        }

        var token = Encoding.UTF8.GetString(bytes).Trim();
        if (token.Length == 0 || token.Any(c => char.IsControl(c) || c > '\u007e'))
        {
            return new(null, ConditionReasons.TokenUnusable, $"{field}: the value of key \"{reference.Key}\" in Secret \"{reference.Name}\" is empty or not printable ASCII");
        }

        return new(token, null, null);
    }
}
