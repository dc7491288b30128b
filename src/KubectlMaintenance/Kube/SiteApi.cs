using k8s;
using k8s.Models;
using SiteMaintenance.KubectlMaintenance.Cli;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Kube;

/// <summary>
/// The SiteMaintenance calls the plugin makes, through KubernetesClient's typed API (so that
/// both client flavors work), with every failure turned into a <see cref="PluginException"/>.
/// </summary>
internal sealed class SiteApi(KubeConnection connection)
{
    /// <summary>The field manager of the plugin's writes, as <c>kubectl</c> is kubectl's.</summary>
    public const string FieldManager = "kubectl-maintenance";

    private const string Group = V1Alpha1SiteMaintenance.KubeGroup;
    private const string Version = V1Alpha1SiteMaintenance.KubeApiVersion;
    private const string Plural = V1Alpha1SiteMaintenance.KubePluralName;

    private readonly ApiErrorTranslator _errors = new(connection.Target);

    public ClusterTarget Target => connection.Target;

    public ApiErrorTranslator Errors => _errors;

    public Task<V1Alpha1SiteMaintenance> GetAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        CallAsync(
            new ApiRequest("get", @namespace, name),
            () => connection.Client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(
                Group, Version, @namespace, Plural, name, cancellationToken),
            cancellationToken);

    /// <summary>The sites of one namespace, or of all when <paramref name="namespace"/> is null.</summary>
    public async Task<IReadOnlyList<V1Alpha1SiteMaintenance>> ListAsync(string? @namespace, CancellationToken cancellationToken)
    {
        var list = await CallAsync(
            new ApiRequest("list", @namespace),
            () => @namespace is null
                ? connection.Client.CustomObjects.ListCustomObjectForAllNamespacesAsync<V1Alpha1SiteMaintenanceList>(
                    Group, Version, Plural, cancellationToken: cancellationToken)
                : connection.Client.CustomObjects.ListNamespacedCustomObjectAsync<V1Alpha1SiteMaintenanceList>(
                    Group, Version, @namespace, Plural, cancellationToken: cancellationToken),
            cancellationToken);
        return [.. (list.Items ?? []).OrderBy(s => s.Metadata?.NamespaceProperty, StringComparer.Ordinal).ThenBy(s => s.Metadata?.Name, StringComparer.Ordinal)];
    }

    /// <summary>Applies a JSON merge patch (RFC 7386) to the site and returns the result.</summary>
    public Task<V1Alpha1SiteMaintenance> MergePatchAsync(string @namespace, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        CallAsync(
            new ApiRequest("patch", @namespace, name),
            () => connection.Client.CustomObjects.PatchNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(
                // KubernetesClient.Aot only takes string patch bodies.
                new V1Patch(mergePatchJson, V1Patch.PatchType.MergePatch),
                Group,
                Version,
                @namespace,
                Plural,
                name,
                fieldManager: FieldManager,
                cancellationToken: cancellationToken),
            cancellationToken);

    /// <summary>Creates the site; with <paramref name="serverDryRun"/> the API server validates and defaults it without storing it.</summary>
    public Task<V1Alpha1SiteMaintenance> CreateAsync(V1Alpha1SiteMaintenance site, bool serverDryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var @namespace = site.Metadata.NamespaceProperty;
        return CallAsync(
            new ApiRequest("create", @namespace, site.Metadata.Name),
            () => connection.Client.CustomObjects.CreateNamespacedCustomObjectAsync<V1Alpha1SiteMaintenance>(
                site,
                Group,
                Version,
                @namespace,
                Plural,
                dryRun: serverDryRun ? "All" : null,
                fieldManager: FieldManager,
                cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Watches one site from <paramref name="resourceVersion"/> and returns the first event (null
    /// when the server closed the watch without one). One event per request keeps to the typed
    /// API, which both client flavors have; the next call resumes from the event's version.
    /// </summary>
    public async Task<WatchEventLine?> WatchNextAsync(string @namespace, string name, string resourceVersion, TimeSpan serverTimeout, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await CallAsync(
                new ApiRequest("watch", @namespace, name),
                () => connection.Client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<WatchEventLine>(
                    Group,
                    Version,
                    @namespace,
                    Plural,
                    allowWatchBookmarks: true,
                    fieldSelector: "metadata.name=" + name,
                    resourceVersion: resourceVersion,
                    timeoutSeconds: (int)Math.Max(1, serverTimeout.TotalSeconds),
                    watch: true,
                    cancellationToken: cancellationToken),
                cancellationToken);
            return response.Body;
        }
        catch (PluginException e) when (e.Kind == PluginErrorKind.Unreachable && IsEmptyWatch(e.InnerException))
        {
            return null;
        }
    }

    // The client reads the first line while building the response; a watch that ends before
    // any event surfaces as end-of-stream (wrapped by HttpClient or not).
    private static bool IsEmptyWatch(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is EndOfStreamException)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<T> CallAsync<T>(ApiRequest request, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (_errors.Translate(e, request, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
