using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Benchmarks.Cluster;

/// <summary>The objects the benchmark creates, as JSON.</summary>
internal static class Manifests
{
    public const string MaintenanceUrl = "https://status.example.com/maintenance.html";

    /// <summary>The annotation the NginxRedirect profile sets while a site is Offline.</summary>
    public const string RedirectAnnotation = "nginx.ingress.kubernetes.io/temporal-redirect";

    public const string SiteLabel = "sitemaintenance.io/site";

    public const string SessionsPath = "/sessions";

    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    /// <summary>
    /// A site with one NginxRedirect Ingress named like it; with <paramref name="sessions"/>, its
    /// pods (label <c>app=</c>app) are polled every <c>pollInterval</c> while Pending.
    /// </summary>
    public static JsonObject Site(string ns, string name, SessionsSource? sessions = null, string mode = "Online")
    {
        var spec = new JsonObject
        {
            ["mode"] = mode,
            ["message"] = "Benchmark maintenance",
            ["maintenanceUrl"] = MaintenanceUrl,
            ["ingresses"] = new JsonArray(new JsonObject { ["name"] = name, ["profile"] = "NginxRedirect" }),
            ["drain"] = new JsonObject
            {
                ["timeout"] = "15m",
                ["onTimeout"] = "Offline",
                ["pollInterval"] = sessions?.PollInterval ?? "5s",
            },
        };
        if (sessions is not null)
        {
            spec["sessions"] = new JsonObject
            {
                ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = sessions.App } },
                ["port"] = sessions.Port,
                ["path"] = SessionsPath,
                ["timeout"] = "2s",
            };
        }

        return new JsonObject
        {
            ["apiVersion"] = "sitemaintenance.io/v1alpha1",
            ["kind"] = "SiteMaintenance",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = spec,
        };
    }

    public static JsonObject Ingress(string ns, string name) => new()
    {
        ["apiVersion"] = "networking.k8s.io/v1",
        ["kind"] = "Ingress",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["host"] = $"{name}.example.com",
                ["http"] = new JsonObject
                {
                    ["paths"] = new JsonArray(new JsonObject
                    {
                        ["path"] = "/",
                        ["pathType"] = "Prefix",
                        ["backend"] = new JsonObject
                        {
                            ["service"] = new JsonObject { ["name"] = name, ["port"] = new JsonObject { ["number"] = 80 } },
                        },
                    }),
                },
            }),
        },
    };

    /// <summary>A running CommandTask of <paramref name="site"/>: a Lease renewed just now, for five minutes.</summary>
    public static JsonObject TaskLease(string ns, string name, string site)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { [SiteLabel] = site },
            },
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = "bench-task",
                ["leaseDurationSeconds"] = 300,
                ["acquireTime"] = now,
                ["renewTime"] = now,
            },
        };
    }

    public static JsonObject Pod(string ns, string name, string app) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = app } },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "shop:1" }) },
    };

    /// <summary>What a kubelet writes for a running, ready Pod with <paramref name="address"/>.</summary>
    public static JsonObject RunningStatus(IPAddress address) => new()
    {
        ["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["podIP"] = address.ToString(),
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = address.ToString() }),
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };

    /// <summary>A merge patch of <c>spec.mode</c> (and <c>spec.force</c>).</summary>
    public static JsonObject ModePatch(string mode, bool force) => new()
    {
        ["spec"] = new JsonObject { ["mode"] = mode, ["force"] = force },
    };
}

/// <summary>Where a site's sessions come from: pods labelled <c>app=</c><paramref name="App"/> on <paramref name="Port"/>.</summary>
internal sealed record SessionsSource(string App, int Port, string PollInterval);
