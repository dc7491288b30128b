using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Reconcile.Ingresses;

/// <summary>
/// Decides the annotation writes that switch an Ingress to the maintenance page and back. Pure.
/// </summary>
/// <remarks>
/// <para>
/// Switching sets the profile's annotations and records, in <see cref="WellKnown.SavedAnnotations"/>,
/// the values those keys had before (null: absent), plus <see cref="WellKnown.SwitchedBy"/> = the
/// site. The record is the source of truth for the restore, which writes the saved values back
/// verbatim and removes both markers; no other annotation is ever touched. Switching an Ingress
/// that is already switched by the same site repairs drift: the profile's values are put back,
/// keys the spec no longer sets are restored, and the record is kept (values the user edited into
/// a switched key in the meantime are not taken as originals).
/// </para>
/// <para>
/// If the record was lost (someone removed it while <see cref="WellKnown.SwitchedBy"/> still names
/// this site), the originals are inferred: a key whose value is what the switch sets is taken to
/// have been absent (for Traefik, the middleware is taken out of the list). Without either marker
/// an Ingress is treated as never switched, so the user's current values count as originals.
/// </para>
/// </remarks>
internal static class IngressSwitchPlanner
{
    /// <summary>The ingress-nginx annotation the NginxRedirect profile sets.</summary>
    public const string NginxTemporalRedirect = "nginx.ingress.kubernetes.io/temporal-redirect";

    /// <summary>The writes that switch an Ingress with <paramref name="annotations"/> as <paramref name="target"/> says.</summary>
    public static IngressPlan Switch(IDictionary<string, string>? annotations, IngressSwitch target, string? maintenanceUrl, string site)
    {
        ArgumentNullException.ThrowIfNull(target);
        var current = annotations ?? new Dictionary<string, string>();
        var owner = Get(current, WellKnown.SwitchedBy);
        if (owner is not null && owner != site)
        {
            return new(AnnotationChanges.None, owner);
        }

        var hasRecord = SavedAnnotations.TryParse(Get(current, WellKnown.SavedAnnotations), out var saved);
        if (!hasRecord && owner == site)
        {
            saved = InferOriginals(current, target, maintenanceUrl);
        }

        var originals = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in ProfileKeys(target))
        {
            originals[key] = saved.TryGetValue(key, out var value) ? value : Get(current, key);
        }

        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in ProfileValues(target, maintenanceUrl, originals))
        {
            SetIfDifferent(changes, current, key, value);
        }

        // Keys switched earlier that the spec no longer sets go back to what they were.
        foreach (var (key, value) in saved.Where(pair => !originals.ContainsKey(pair.Key)))
        {
            SetIfDifferent(changes, current, key, value);
        }

        if (!hasRecord || !SavedAnnotations.SameAs(saved, originals))
        {
            changes[WellKnown.SavedAnnotations] = SavedAnnotations.Serialize(originals);
        }

        if (owner != site)
        {
            changes[WellKnown.SwitchedBy] = site;
        }

        return new(new AnnotationChanges(changes), null);
    }

    /// <summary>
    /// The writes that restore an Ingress switched by <paramref name="site"/>; none when it is not
    /// switched, or switched by another site. <paramref name="listed"/> is the site's entry for
    /// this Ingress (null when the spec does not list it): an Ingress that lost its
    /// <see cref="WellKnown.SwitchedBy"/> marker but kept the record is restored only when listed.
    /// </summary>
    public static AnnotationChanges Restore(IDictionary<string, string>? annotations, string site, IngressSwitch? listed, string? maintenanceUrl)
    {
        var current = annotations ?? new Dictionary<string, string>();
        var owner = Get(current, WellKnown.SwitchedBy);
        if (owner is not null && owner != site)
        {
            return AnnotationChanges.None;
        }

        var hasRecord = SavedAnnotations.TryParse(Get(current, WellKnown.SavedAnnotations), out var saved);
        if (owner is null && !(hasRecord && listed is not null))
        {
            return AnnotationChanges.None;
        }

        if (!hasRecord)
        {
            saved = listed is null ? [] : InferOriginals(current, listed, maintenanceUrl);
        }

        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in saved)
        {
            SetIfDifferent(changes, current, key, value);
        }

        if (current.ContainsKey(WellKnown.SavedAnnotations))
        {
            changes[WellKnown.SavedAnnotations] = null;
        }

        if (current.ContainsKey(WellKnown.SwitchedBy))
        {
            changes[WellKnown.SwitchedBy] = null;
        }

        return new AnnotationChanges(changes);
    }

    /// <summary>The site that has switched an Ingress with these annotations, or null.</summary>
    public static string? SwitchedBy(IDictionary<string, string>? annotations) =>
        annotations is null ? null : Get(annotations, WellKnown.SwitchedBy);

    private static IEnumerable<string> ProfileKeys(IngressSwitch target) => target.Profile switch
    {
        IngressProfile.NginxRedirect => [NginxTemporalRedirect],
        IngressProfile.TraefikMiddleware => [TraefikMiddlewares.Annotation],
        _ => target.Annotations.Keys,
    };

    private static Dictionary<string, string> ProfileValues(
        IngressSwitch target, string? maintenanceUrl, Dictionary<string, string?> originals) => target.Profile switch
    {
        IngressProfile.NginxRedirect => new(StringComparer.Ordinal)
        {
            [NginxTemporalRedirect] = maintenanceUrl
                ?? throw new InvalidOperationException("The NginxRedirect profile needs spec.maintenanceUrl (the validator requires it)."),
        },
        IngressProfile.TraefikMiddleware => new(StringComparer.Ordinal)
        {
            [TraefikMiddlewares.Annotation] = TraefikMiddlewares.Append(
                originals[TraefikMiddlewares.Annotation],
                target.Middleware ?? throw new InvalidOperationException("The TraefikMiddleware profile needs a middleware (the validator requires it).")),
        },
        _ => new(target.Annotations, StringComparer.Ordinal),
    };

    // The record was lost: a value equal to what the switch sets is taken as the switch's own.
    private static Dictionary<string, string?> InferOriginals(IDictionary<string, string> current, IngressSwitch target, string? maintenanceUrl)
    {
        var originals = new Dictionary<string, string?>(StringComparer.Ordinal);
        switch (target.Profile)
        {
            case IngressProfile.NginxRedirect:
                var redirect = Get(current, NginxTemporalRedirect);
                originals[NginxTemporalRedirect] = redirect == maintenanceUrl ? null : redirect;
                break;
            case IngressProfile.TraefikMiddleware:
                originals[TraefikMiddlewares.Annotation] = TraefikMiddlewares.Remove(
                    Get(current, TraefikMiddlewares.Annotation), target.Middleware ?? "");
                break;
            default:
                foreach (var (key, value) in target.Annotations)
                {
                    var now = Get(current, key);
                    originals[key] = now == value ? null : now;
                }

                break;
        }

        return originals;
    }

    private static void SetIfDifferent(Dictionary<string, string?> changes, IDictionary<string, string> current, string key, string? value)
    {
        if (Get(current, key) != value)
        {
            changes[key] = value;
        }
    }

    private static string? Get(IDictionary<string, string> annotations, string key) =>
        annotations.TryGetValue(key, out var value) ? value : null;
}
