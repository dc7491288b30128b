using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using SiteMaintenance.Emulator;
using SiteMaintenance.Emulator.Recording;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile;
using SiteMaintenance.Operator.Reconcile.Kube;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Tests.TestSupport;
using SiteMaintenance.Rbac;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>
/// The reconciler wired as the operator wires it (<c>AddSiteReconciler</c>), against the API
/// emulator with the SiteMaintenance CRD installed, with caches that a test refreshes through the
/// API before each step and a clock that moves only when told. The reconciler talks to the API as
/// the operator's ServiceAccount (<see cref="OperatorUser"/>), held to its RBAC in
/// <c>config/default</c>: a request beyond it gets the API server's 403, and disposing fails the
/// test if there was one.
/// </summary>
internal sealed class ReconcileHarness : IAsyncDisposable
{
    public const string Namespace = "shop";
    private const string OperatorToken = "operator-token";
    public const string SiteName = "shop";

    /// <summary>Where the operator would run (no site lives there).</summary>
    public const string OperatorNamespace = "site-maintenance-system";

    private readonly RbacAuthorizer _rbac;

    private readonly ServiceProvider _services;

    private ReconcileHarness(KubeEmulator api, RbacAuthorizer rbac, ServiceProvider services, ManualTimeProvider clock, RecordingSiteMetrics metrics, IKubernetes operatorClient)
    {
        Api = api;
        _rbac = rbac;
        _services = services;
        Clock = clock;
        Metrics = metrics;
        OperatorClient = operatorClient;
        Objects = new NamespaceObjects(api.Client, Namespace);
        Sites = services.GetRequiredService<ApiSnapshotCache<V1Alpha1SiteMaintenance>>();
        Leases = services.GetRequiredService<ApiSnapshotCache<V1Lease>>();
        Ingresses = services.GetRequiredService<ApiSnapshotCache<V1Ingress>>();
        ConfigMaps = services.GetRequiredService<ApiSnapshotCache<V1ConfigMap>>();
        Reconciler = services.GetRequiredService<IReconciler>();
    }

    public KubeEmulator Api { get; }

    /// <summary>The user the reconciler's requests come from: the operator's ServiceAccount.</summary>
    public string OperatorUser => _rbac.ServiceAccountUser;

    /// <summary>The test's admin client.</summary>
    public IKubernetes Client => Api.Client;

    /// <summary>The reconciler's client (user <see cref="OperatorUser"/>).</summary>
    public IKubernetes OperatorClient { get; }

    public ManualTimeProvider Clock { get; }

    public RecordingSiteMetrics Metrics { get; }

    public ApiSnapshotCache<V1Alpha1SiteMaintenance> Sites { get; }

    public ApiSnapshotCache<V1Lease> Leases { get; }

    /// <summary>Every Ingress (the runtime's cache may be narrower; the reconciler falls back to the API).</summary>
    public ApiSnapshotCache<V1Ingress> Ingresses { get; }

    /// <summary>ConfigMaps labelled with the site label only, as the runtime's informer selects them.</summary>
    public ApiSnapshotCache<V1ConfigMap> ConfigMaps { get; }

    public IReconciler Reconciler { get; }

    public FakeAppFleet Fleet { get; } = new();

    /// <summary>
    /// Starts an emulator, installs the CRD (with <paramref name="relaxedSpecSchema"/>, one whose
    /// spec accepts anything, as an object stored before the CRD validated it) and wires the reconciler.
    /// </summary>
    public static async Task<ReconcileHarness> StartAsync(bool relaxedSpecSchema = false, Action<SiteReconcilerOptions>? configure = null)
    {
        var rbac = RbacAuthorizer.FromConfig("config/default");
        var api = await KubeEmulator.StartAsync(new EmulatorOptions
        {
            Tokens = new Dictionary<string, string> { [OperatorToken] = rbac.ServiceAccountUser },
            Authorizer = rbac.ForEmulator(),
        });
        await InstallCrdAsync(api.Client, relaxedSpecSchema);
        await api.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });

        var operatorClient = api.CreateClient(OperatorToken);
        var clock = new ManualTimeProvider(KubeTime.Seconds(DateTime.UtcNow));
        var metrics = new RecordingSiteMetrics();
        var admin = api.Client;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(operatorClient);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ISiteMetrics>(metrics);
        services.AddSingleton(new ApiSnapshotCache<V1Alpha1SiteMaintenance>(async ct => await ListSitesAsync(admin, ct)));
        services.AddSingleton(new ApiSnapshotCache<V1Lease>(async ct => (await admin.CoordinationV1.ListLeaseForAllNamespacesAsync(cancellationToken: ct)).Items));
        services.AddSingleton(new ApiSnapshotCache<V1Ingress>(async ct => (await admin.NetworkingV1.ListIngressForAllNamespacesAsync(cancellationToken: ct)).Items));
        services.AddSingleton(new ApiSnapshotCache<V1ConfigMap>(async ct =>
            (await admin.CoreV1.ListConfigMapForAllNamespacesAsync(labelSelector: WellKnown.SiteLabel, cancellationToken: ct)).Items));
        services.AddSingleton<IObjectCache<V1Alpha1SiteMaintenance>>(sp => sp.GetRequiredService<ApiSnapshotCache<V1Alpha1SiteMaintenance>>());
        services.AddSingleton<IObjectCache<V1Lease>>(sp => sp.GetRequiredService<ApiSnapshotCache<V1Lease>>());
        services.AddSingleton<IObjectCache<V1Ingress>>(sp => sp.GetRequiredService<ApiSnapshotCache<V1Ingress>>());
        services.AddSingleton<IObjectCache<V1ConfigMap>>(sp => sp.GetRequiredService<ApiSnapshotCache<V1ConfigMap>>());
        services.AddSiteReconciler(options =>
        {
            options.ReportingInstance = "operator-0";
            configure?.Invoke(options);
        });
        return new ReconcileHarness(api, rbac, services.BuildServiceProvider(), clock, metrics, operatorClient);
    }

    /// <summary>Refreshes every cache through the API.</summary>
    public async Task RefreshAsync()
    {
        await Sites.RefreshAsync();
        await Leases.RefreshAsync();
        await Ingresses.RefreshAsync();
        await ConfigMaps.RefreshAsync();
    }

    /// <summary>Refreshes the caches (unless told not to) and reconciles the site once.</summary>
    public async Task<ReconcileResult> ReconcileAsync(string name = SiteName, bool refresh = true)
    {
        if (refresh)
        {
            await RefreshAsync();
        }

        return await Reconciler.ReconcileAsync(new ObjectKey(Namespace, name), CancellationToken.None);
    }

    /// <summary>The test's own reads and writes of the namespace's objects.</summary>
    public NamespaceObjects Objects { get; }

    /// <inheritdoc cref="NamespaceObjects.CreateSiteAsync(JsonObject, string)"/>
    public Task CreateSiteAsync(JsonObject spec, string name = SiteName) => Objects.CreateSiteAsync(spec, name);

    /// <inheritdoc cref="NamespaceObjects.CreateSiteAsync(string, string)"/>
    public Task CreateSiteAsync(string specJson, string name = SiteName) => Objects.CreateSiteAsync(specJson, name);

    /// <inheritdoc cref="NamespaceObjects.PatchSpecAsync"/>
    public Task PatchSpecAsync(string specPatchJson, string name = SiteName) => Objects.PatchSpecAsync(specPatchJson, name);

    /// <inheritdoc cref="NamespaceObjects.DeleteSiteAsync"/>
    public Task DeleteSiteAsync(string name = SiteName) => Objects.DeleteSiteAsync(name);

    /// <inheritdoc cref="NamespaceObjects.GetSiteAsync"/>
    public Task<V1Alpha1SiteMaintenance?> GetSiteAsync(string name = SiteName) => Objects.GetSiteAsync(name);

    /// <inheritdoc cref="NamespaceObjects.StatusAsync"/>
    public Task<V1Alpha1SiteMaintenanceStatus> StatusAsync(string name = SiteName) => Objects.StatusAsync(name);

    /// <inheritdoc cref="NamespaceObjects.ConditionAsync"/>
    public Task<V1Condition> ConditionAsync(string type, string name = SiteName) => Objects.ConditionAsync(type, name);

    /// <inheritdoc cref="NamespaceObjects.CreateIngressAsync"/>
    public Task CreateIngressAsync(string name, IDictionary<string, string>? annotations = null) => Objects.CreateIngressAsync(name, annotations);

    /// <inheritdoc cref="NamespaceObjects.AnnotationsAsync"/>
    public Task<IDictionary<string, string>> AnnotationsAsync(string ingress) => Objects.AnnotationsAsync(ingress);

    /// <inheritdoc cref="NamespaceObjects.LockAsync"/>
    public Task<V1ConfigMap?> LockAsync(string name = SiteName + "-maintenance") => Objects.LockAsync(name);

    /// <inheritdoc cref="NamespaceObjects.CreateLeaseAsync"/>
    public Task CreateLeaseAsync(string name, DateTime renewTime, int durationSeconds, string site = SiteName) => Objects.CreateLeaseAsync(name, renewTime, durationSeconds, site);

    /// <inheritdoc cref="NamespaceObjects.EventsAsync"/>
    public Task<IReadOnlyList<Eventsv1Event>> EventsAsync() => Objects.EventsAsync();

    /// <inheritdoc cref="NamespaceObjects.EventReasonsAsync"/>
    public Task<IReadOnlyList<string>> EventReasonsAsync() => Objects.EventReasonsAsync();

    /// <summary>Where the request log stands now.</summary>
    public int Mark() => Api.Requests.Count;

    /// <summary>The reconciler's requests since <paramref name="mark"/>.</summary>
    public IReadOnlyList<RecordedRequest> OperatorRequests(int mark) =>
        [.. Api.Requests.Snapshot(mark).Where(r => r.User == OperatorUser)];

    /// <summary>The reconciler's writes since <paramref name="mark"/>.</summary>
    public IReadOnlyList<RecordedRequest> OperatorWrites(int mark) => [.. OperatorRequests(mark).Where(r => r.IsWrite)];

    public async ValueTask DisposeAsync()
    {
        // For `make rbac-api-use`: what the reconciler asked of the API (sites live outside the
        // operator's namespace, so every use is "watched" or "cluster").
        ApiUseFile.AppendRecorded(Api.Requests.Snapshot(), OperatorUser, OperatorNamespace);
        await Fleet.DisposeAsync();
        await _services.DisposeAsync();
        await Api.DisposeAsync();
        _rbac.Denied.Should().BeEmpty("the reconciler must need nothing beyond config/default");
    }

    private static async Task InstallCrdAsync(IKubernetes client, bool relaxedSpecSchema)
    {
        var crd = Manifests.Crd;
        if (relaxedSpecSchema)
        {
            var properties = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!.AsObject();
            properties["spec"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        var definition = KubernetesJson.Deserialize<V1CustomResourceDefinition>(crd.ToJsonString());
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(definition);
    }

    private static async Task<IEnumerable<V1Alpha1SiteMaintenance>> ListSitesAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var element = (JsonElement)await client.CustomObjects.ListClusterCustomObjectAsync(
            V1Alpha1SiteMaintenance.KubeGroup, V1Alpha1SiteMaintenance.KubeApiVersion, V1Alpha1SiteMaintenance.KubePluralName,
            cancellationToken: cancellationToken);
        return element.Deserialize(OperatorJsonContext.Default.V1Alpha1SiteMaintenanceList)?.Items ?? [];
    }
}
