using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
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
    /// Watches one site from <paramref name="resourceVersion"/>: its events as they come, until
    /// the server ends the watch after <paramref name="serverTimeout"/>.
    /// </summary>
    /// <remarks>
    /// KubernetesClient.Aot has no watcher, and a typed list call with <c>watch=true</c> reads
    /// only the first event and never releases the connection. So the request goes through the
    /// client's own HttpClient (its TLS settings and handlers) with its credentials, and each
    /// line is read with the source-generated context.
    /// </remarks>
    public async IAsyncEnumerable<WatchEventLine> WatchAsync(string @namespace, string name, string resourceVersion, TimeSpan serverTimeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ApiRequest("watch", @namespace, name);
        using var response = await CallAsync(request, () => OpenWatchAsync(@namespace, name, resourceVersion, serverTimeout, cancellationToken), cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken);
            }
            catch (Exception e) when (_errors.Translate(e, request, cancellationToken) is { } translated)
            {
                throw translated;
            }

            if (line is null)
            {
                yield break;
            }

            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize(line, PluginJsonContext.Default.WatchEventLine)
                    ?? throw new JsonException("an empty watch event");
            }
        }
    }

    private async Task<HttpResponseMessage> OpenWatchAsync(string @namespace, string name, string resourceVersion, TimeSpan serverTimeout, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        var query = string.Join(
            '&',
            "allowWatchBookmarks=true",
            "fieldSelector=" + Uri.EscapeDataString("metadata.name=" + name),
            "resourceVersion=" + Uri.EscapeDataString(resourceVersion),
            "timeoutSeconds=" + ((int)Math.Max(1, serverTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            "watch=true");
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri(client.BaseUri, $"apis/{Group}/{Version}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}?{query}"))
        {
            Version = HttpVersion.Version20,
        };

        // The connection serves this watch only: dropped when the watch ends, never drained for reuse.
        request.Headers.ConnectionClose = true;
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpOperationException($"Operation returned an invalid status code '{response.StatusCode}'")
            {
                Response = new HttpResponseMessageWrapper(response, content),
            };
        }
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
