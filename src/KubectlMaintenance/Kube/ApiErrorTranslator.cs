using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Autorest;
using k8s.Models;
using SiteMaintenance.KubectlMaintenance.Cli;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>
/// Turns what KubernetesClient throws into a <see cref="PluginException"/> that says what went
/// wrong and what to do: no such site, no CRD installed, forbidden by RBAC (which verb on which
/// resource), credentials rejected, API unreachable, invalid object.
/// </summary>
internal sealed partial class ApiErrorTranslator(ClusterTarget target)
{
    /// <summary><c>sitemaintenances.sitemaintenance.io</c>, as RBAC rules and kubectl name the resource.</summary>
    public const string GroupResource = V1Alpha1SiteMaintenance.KubePluralName + "." + V1Alpha1SiteMaintenance.KubeGroup;

    /// <summary>Null when <paramref name="exception"/> is not a failure of the API call (e.g. the user cancelled).</summary>
    public PluginException? Translate(Exception exception, ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(request);
        return exception switch
        {
            PluginException plugin => plugin,
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            HttpOperationException http => FromResponse(http, request),
            HttpRequestException or SocketException or IOException => Unreachable(exception),
            OperationCanceledException => Unreachable(new TimeoutException("the request timed out", exception)),
            _ => null,
        };
    }

    /// <summary>The API's Status object in an error response, when the body is one.</summary>
    public static V1Status? StatusOf(HttpOperationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var content = exception.Response?.Content;
        if (string.IsNullOrWhiteSpace(content) || !content.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content, PluginJsonContext.Default.V1Status);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public PluginException Unreachable(Exception exception)
    {
        var reason = Innermost(exception).Message;
        var context = target.Context is null ? "" : $" (context \"{target.Context}\")";
        var check = target.Context is null ? "kubectl cluster-info" : $"kubectl cluster-info --context {target.Context}";
        return new PluginException(
            PluginErrorKind.Unreachable,
            $"cannot reach the Kubernetes API server at {target.Server}{context}: {reason}",
            $"Check that the cluster is running and that your kubeconfig points at it: {check}",
            inner: exception);
    }

    private PluginException FromResponse(HttpOperationException exception, ApiRequest request)
    {
        var code = exception.Response?.StatusCode ?? 0;
        var status = StatusOf(exception);
        var message = status?.Message ?? exception.Response?.Content?.Trim() ?? exception.Message;
        return code switch
        {
            HttpStatusCode.NotFound => NotFound(status, request, exception),
            HttpStatusCode.Forbidden => Forbidden(message, request, exception),
            HttpStatusCode.Unauthorized => new PluginException(
                PluginErrorKind.Unauthorized,
                $"the API server at {target.Server} rejected your credentials (401 Unauthorized)",
                "Log in again or refresh the credentials of your kubeconfig's user" +
                (target.Context is null ? "." : $" for context \"{target.Context}\"."),
                inner: exception),
            HttpStatusCode.Conflict when status?.Reason == "AlreadyExists" => new PluginException(
                PluginErrorKind.AlreadyExists,
                $"site \"{request.Name}\" already exists in namespace \"{request.Namespace}\"",
                $"Take it offline with 'kubectl maintenance on {request.Name}', or change it with 'kubectl edit {V1Alpha1SiteMaintenance.KubeShortName} {request.Name} -n {request.Namespace}'.",
                inner: exception),
            HttpStatusCode.Conflict => new PluginException(PluginErrorKind.Conflict, message, "Someone else changed the site at the same time; run the command again.", inner: exception),
            HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest => Invalid(status, message, exception),
            _ => new PluginException(
                PluginErrorKind.ServerError,
                $"the API server answered {(int)code} {code}: {message}",
                (int)code >= 500 ? "The API server failed; try again, and check its health with 'kubectl get --raw /readyz'." : null,
                inner: exception),
        };
    }

    private static PluginException NotFound(V1Status? status, ApiRequest request, Exception exception)
    {
        var details = status?.Details;
        if (details?.Kind == "namespaces")
        {
            return new PluginException(
                PluginErrorKind.NamespaceNotFound,
                $"namespace \"{details.Name}\" does not exist",
                "Pick an existing namespace with -n (see 'kubectl get namespaces').",
                inner: exception);
        }

        // The object is missing when the Status names it; a 404 without that (a Status with
        // empty details, or the plain "404 page not found") means the resource type itself is
        // unknown: the CRD is not installed.
        if (details?.Name is { Length: > 0 } && details.Kind == V1Alpha1SiteMaintenance.KubePluralName)
        {
            return new PluginException(
                PluginErrorKind.SiteNotFound,
                $"site \"{details.Name}\" not found in namespace \"{request.Namespace}\"",
                null,
                inner: exception);
        }

        return CrdMissing(exception);
    }

    public static PluginException CrdMissing(Exception? exception = null) => new(
        PluginErrorKind.CrdMissing,
        $"the SiteMaintenance API ({GroupResource}/{V1Alpha1SiteMaintenance.KubeApiVersion}) is not installed on this cluster",
        "Install the CRD and the operator first, from the site-maintenance repository:\n" +
        "  kubectl apply -k config/crd\n" +
        "or with its Helm chart (charts/site-maintenance). Check with:\n" +
        $"  kubectl get crd {GroupResource}",
        inner: exception);

    private static PluginException Forbidden(string message, ApiRequest request, Exception exception)
    {
        var user = UserInMessage().Match(message) is { Success: true } m ? m.Groups[1].Value : null;
        var scope = request.Namespace is null ? "in all namespaces" : $"in namespace \"{request.Namespace}\"";
        var ns = request.Namespace is null ? "--all-namespaces" : $"-n {request.Namespace}";
        var who = user is null ? "you" : $"User \"{user}\"";
        var role = request.Namespace is null
            ? $"  kubectl create clusterrole site-maintainer --verb=get,list,watch,patch,create --resource={GroupResource}\n" +
              $"  kubectl create clusterrolebinding site-maintainer --clusterrole=site-maintainer --user={user ?? "<user>"}\n"
            : $"  kubectl create role site-maintainer -n {request.Namespace} --verb=get,list,watch,patch,create --resource={GroupResource}\n" +
              $"  kubectl create rolebinding site-maintainer -n {request.Namespace} --role=site-maintainer --user={user ?? "<user>"}\n";
        return new PluginException(
            PluginErrorKind.Forbidden,
            $"{who} may not {request.Verb} {GroupResource} {scope}",
            $"The API server said: {message}\n" +
            $"Ask a cluster administrator for RBAC that allows '{request.Verb}' on {GroupResource}, for example:\n" +
            role +
            $"Check with: kubectl auth can-i {request.Verb} {GroupResource} {ns}",
            inner: exception);
    }

    private static PluginException Invalid(V1Status? status, string message, Exception exception)
    {
        var causes = status?.Details?.Causes?
            .Select(c => string.IsNullOrEmpty(c.Field) ? $"  {c.Message}" : $"  {c.Field}: {c.Message}")
            .ToList() ?? [];
        return new PluginException(
            PluginErrorKind.Invalid,
            message,
            causes.Count > 0 ? "The API server rejected these fields:\n" + string.Join('\n', causes) : null,
            inner: exception);
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is { } inner)
        {
            current = inner;
        }

        return current;
    }

    [GeneratedRegex("User \"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex UserInMessage();
}
