namespace SiteMaintenance.Operator.Domain;

/// <summary>
/// A SiteMaintenance spec after validation, with every default applied: what the reconciler works
/// from. Built only by <see cref="SiteSpecValidator"/>.
/// </summary>
/// <param name="Mode">The desired state.</param>
/// <param name="Force">Skip waiting for sessions and CommandTasks.</param>
/// <param name="Message">The message for users; empty when none was given.</param>
/// <param name="MaintenanceUrl">The maintenance page's absolute http(s) URL, verbatim; null when none was given.</param>
/// <param name="Sessions">Where to count sessions; null: only CommandTasks are waited for.</param>
/// <param name="Drain">How long and how often to wait.</param>
/// <param name="Ingresses">The Ingresses to switch, in spec order, names unique.</param>
/// <param name="LockConfigMapName">The lock ConfigMap's name (given, or <c>&lt;name&gt;-maintenance</c>).</param>
internal sealed record SiteDefinition(
    SiteMode Mode,
    bool Force,
    string Message,
    string? MaintenanceUrl,
    SessionsSettings? Sessions,
    DrainSettings Drain,
    IReadOnlyList<IngressSwitch> Ingresses,
    string LockConfigMapName);

/// <summary>Where and how to ask the application Pods for their active sessions.</summary>
/// <param name="LabelSelector">The Pod selector in query-string form, e.g. <c>app=shop</c>; never empty.</param>
/// <param name="Port">The sessions endpoint's TCP port.</param>
/// <param name="Path">The sessions endpoint's path; starts with <c>/</c>.</param>
/// <param name="TokenSecret">The Secret key holding the bearer token; null: none.</param>
/// <param name="Aggregation">How the counts are combined.</param>
/// <param name="OnUnreachable">What an unanswered Pod means.</param>
/// <param name="RequestTimeout">The time limit of one request.</param>
internal sealed record SessionsSettings(
    string LabelSelector,
    int Port,
    string Path,
    SecretKeyReference? TokenSecret,
    SessionAggregation Aggregation,
    UnreachablePolicy OnUnreachable,
    TimeSpan RequestTimeout);

/// <summary>A key of a Secret in the site's namespace.</summary>
/// <param name="Name">The Secret's name.</param>
/// <param name="Key">The key in its data.</param>
internal sealed record SecretKeyReference(string Name, string Key);

/// <summary>How long and how often to wait for the drain.</summary>
/// <param name="Timeout">How long to wait from the moment the site became Pending.</param>
/// <param name="OnTimeout">What happens when it passes with work left.</param>
/// <param name="PollInterval">How often the sessions endpoints are polled; at least one second.</param>
internal sealed record DrainSettings(TimeSpan Timeout, DrainTimeoutAction OnTimeout, TimeSpan PollInterval);

/// <summary>One Ingress to switch while Offline.</summary>
/// <param name="Name">The Ingress's name in the site's namespace.</param>
/// <param name="Profile">How it is switched.</param>
/// <param name="Middleware">The Traefik middleware (TraefikMiddleware only), else null.</param>
/// <param name="Annotations">The annotations to set (Custom only), else empty.</param>
internal sealed record IngressSwitch(
    string Name,
    IngressProfile Profile,
    string? Middleware,
    IReadOnlyDictionary<string, string> Annotations);
