using System.Text.Json.Nodes;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>SiteMaintenance specs for the tests, as JSON to adjust before creating.</summary>
internal static class Specs
{
    public const string MaintenanceUrl = "https://status.example.com/maintenance.html";
    public const string SessionsPath = "/.well-known/site-maintenance/sessions";

    /// <summary>
    /// A shop: Pods <c>app=shop</c> asked on <paramref name="port"/> (1 s timeout), a 15 min drain
    /// polled every 5 s, and the Ingress <c>shop</c> switched with NginxRedirect.
    /// </summary>
    public static JsonObject Shop(int port, string mode = "Online") => new()
    {
        ["mode"] = mode,
        ["message"] = "Upgrade to v2; back at 22:00 UTC",
        ["maintenanceUrl"] = MaintenanceUrl,
        ["sessions"] = new JsonObject
        {
            ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "shop" } },
            ["port"] = port,
            ["path"] = SessionsPath,
            ["timeout"] = "1s",
        },
        ["drain"] = new JsonObject { ["timeout"] = "15m", ["pollInterval"] = "5s" },
        ["ingresses"] = new JsonArray(new JsonObject { ["name"] = "shop", ["profile"] = "NginxRedirect" }),
    };

    /// <summary>Sets <c>spec.sessions.&lt;key&gt;</c>.</summary>
    public static JsonObject WithSessions(this JsonObject spec, string key, JsonNode? value)
    {
        spec["sessions"]![key] = value;
        return spec;
    }

    /// <summary>Sets <c>spec.drain.&lt;key&gt;</c>.</summary>
    public static JsonObject WithDrain(this JsonObject spec, string key, JsonNode? value)
    {
        spec["drain"]![key] = value;
        return spec;
    }

    /// <summary>Sets <c>spec.&lt;key&gt;</c>.</summary>
    public static JsonObject With(this JsonObject spec, string key, JsonNode? value)
    {
        spec[key] = value;
        return spec;
    }
}
