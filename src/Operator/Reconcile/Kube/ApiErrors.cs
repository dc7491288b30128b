using System.Net;
using k8s.Autorest;

namespace SiteMaintenance.Operator.Reconcile.Kube;

/// <summary>Classifies the API server's answers that a reconcile handles as expected outcomes.</summary>
internal static class ApiErrors
{
    /// <summary>404: the object does not exist (any more).</summary>
    public static bool IsNotFound(this HttpOperationException exception) =>
        exception.Response?.StatusCode == HttpStatusCode.NotFound;

    /// <summary>409: a stale resourceVersion precondition, or AlreadyExists on create.</summary>
    public static bool IsConflict(this HttpOperationException exception) =>
        exception.Response?.StatusCode == HttpStatusCode.Conflict;

    /// <summary>A short description for logs and <see cref="Runtime.ReconcileResult.Failed"/>.</summary>
    public static string Describe(this HttpOperationException exception)
    {
        var response = exception.Response;
        if (response is null)
        {
            return exception.Message;
        }

        var method = exception.Request?.Method.Method ?? "request";
        var uri = exception.Request?.RequestUri?.AbsolutePath ?? "";
        var code = (int)response.StatusCode;
        var body = response.Content is { Length: > 0 } content ? ": " + Truncate(content, 300) : "";
        return $"{method} {uri}: HTTP {code}{body}";
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
