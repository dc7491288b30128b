namespace SiteMaintenance.Operator.Api;

// The string values that the SiteMaintenance schema allows for its enum-like fields. The wire
// types keep these fields as strings (see OneOfAttribute); a test checks each `All` against the
// CRD's enum, in order.

/// <summary>Values of <c>spec.mode</c>.</summary>
public static class SiteModes
{
    /// <summary>The site works normally.</summary>
    public const string Online = "Online";

    /// <summary>The site is taken offline (after draining unless forced).</summary>
    public const string Offline = "Offline";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [Online, Offline];
}

/// <summary>Values of <c>status.phase</c>.</summary>
public static class SitePhases
{
    /// <summary>The site works normally.</summary>
    public const string Online = "Online";

    /// <summary>Maintenance was requested; sessions and CommandTasks are draining.</summary>
    public const string Pending = "Pending";

    /// <summary>The Ingresses send every request to the maintenance page.</summary>
    public const string Offline = "Offline";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [Online, Pending, Offline];
}

/// <summary>Values of <c>spec.sessions.aggregation</c>.</summary>
public static class SessionAggregations
{
    /// <summary>Distinct session ids when every Pod sends them, else <see cref="Sum"/>.</summary>
    public const string Auto = "Auto";

    /// <summary>The sum of the Pods' counts.</summary>
    public const string Sum = "Sum";

    /// <summary>The largest of the Pods' counts.</summary>
    public const string Max = "Max";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [Auto, Sum, Max];
}

/// <summary>Values of <c>spec.sessions.onUnreachable</c>.</summary>
public static class UnreachablePolicies
{
    /// <summary>An unanswered Pod keeps the site Pending.</summary>
    public const string Block = "Block";

    /// <summary>An unanswered Pod is left out of the count.</summary>
    public const string Ignore = "Ignore";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [Block, Ignore];
}

/// <summary>Values of <c>spec.drain.onTimeout</c>.</summary>
public static class DrainTimeoutActions
{
    /// <summary>Go offline anyway.</summary>
    public const string Offline = "Offline";

    /// <summary>Give up and return to Online.</summary>
    public const string Online = "Online";

    /// <summary>Keep waiting.</summary>
    public const string Wait = "Wait";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [Offline, Online, Wait];
}

/// <summary>Values of <c>spec.ingresses[].profile</c>.</summary>
public static class IngressProfiles
{
    /// <summary>ingress-nginx <c>temporal-redirect</c> to <c>spec.maintenanceUrl</c>.</summary>
    public const string NginxRedirect = "NginxRedirect";

    /// <summary>A Traefik middleware appended to <c>router.middlewares</c>.</summary>
    public const string TraefikMiddleware = "TraefikMiddleware";

    /// <summary>Annotations given in the spec.</summary>
    public const string Custom = "Custom";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [NginxRedirect, TraefikMiddleware, Custom];
}

/// <summary>Values of a label selector requirement's <c>operator</c> (metav1.LabelSelectorRequirement).</summary>
public static class LabelSelectorOperators
{
    /// <summary>The label's value is one of the values.</summary>
    public const string In = "In";

    /// <summary>The label is absent or its value is none of the values.</summary>
    public const string NotIn = "NotIn";

    /// <summary>The label is present.</summary>
    public const string Exists = "Exists";

    /// <summary>The label is absent.</summary>
    public const string DoesNotExist = "DoesNotExist";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [In, NotIn, Exists, DoesNotExist];
}

/// <summary>Values of a condition's <c>status</c> (metav1.Condition).</summary>
public static class ConditionStatuses
{
    /// <summary>The condition holds.</summary>
    public const string True = "True";

    /// <summary>The condition does not hold.</summary>
    public const string False = "False";

    /// <summary>Whether the condition holds is not known.</summary>
    public const string Unknown = "Unknown";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [True, False, Unknown];
}

/// <summary>The condition types the operator sets (kstatus-compatible); the schema allows any.</summary>
public static class ConditionTypes
{
    /// <summary>The observed state matches <c>spec.mode</c>.</summary>
    public const string Ready = "Ready";

    /// <summary>The operator is working towards <c>spec.mode</c>.</summary>
    public const string Reconciling = "Reconciling";

    /// <summary>The operator cannot make progress without a change (for example an invalid spec).</summary>
    public const string Stalled = "Stalled";

    /// <summary>Every type the operator sets.</summary>
    public static IReadOnlyList<string> All { get; } = [Ready, Reconciling, Stalled];
}
