using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Kube;

namespace SiteMaintenance.Operator.Reconcile.Ingresses;

/// <summary>
/// Switches a site's Ingresses to the maintenance page and back (see
/// <see cref="IngressSwitchPlanner"/>). Every write is a merge patch of the changed annotations
/// only, guarded by the Ingress's resourceVersion, so a concurrent edit fails with 409 (the
/// reconcile runs again) instead of being overwritten.
/// </summary>
internal sealed partial class IngressSwitcher(
    CachedObjects<V1Ingress> ingresses, IKubernetes kubernetes, ILogger<IngressSwitcher> logger)
{
    /// <summary>
    /// Switches every listed Ingress (concurrently: they are distinct objects); a missing or
    /// conflicting one is reported and does not stop the others. Ingresses the site switched
    /// earlier but no longer lists are restored. Outcomes are in spec order.
    /// </summary>
    public async Task<IReadOnlyList<IngressOutcome>> SwitchAllAsync(
        string @namespace, string site, SiteDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var outcomes = await Task.WhenAll(definition.Ingresses.Select(
            target => SwitchAsync(@namespace, site, target, definition.MaintenanceUrl, cancellationToken)));

        var listed = definition.Ingresses.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        await RestoreUnlistedAsync(@namespace, site, listed, cancellationToken);
        return outcomes;
    }

    /// <summary>
    /// Restores every Ingress the site switched: the listed ones, and any other the cache shows as
    /// switched by it (concurrently). <paramref name="listed"/> may be empty when the spec cannot be read.
    /// </summary>
    public async Task RestoreAllAsync(
        string @namespace, string site, IReadOnlyList<IngressSwitch> listed, string? maintenanceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listed);
        await Task.WhenAll(listed.Select(async target =>
        {
            var ingress = await ingresses.GetAsync(@namespace, target.Name, cancellationToken);
            if (ingress is not null)
            {
                await RestoreAsync(ingress, site, target, maintenanceUrl, cancellationToken);
            }
        }));

        await RestoreUnlistedAsync(@namespace, site, listed.Select(i => i.Name).ToHashSet(StringComparer.Ordinal), cancellationToken);
    }

    /// <summary>True when any listed Ingress is switched by <paramref name="site"/> (a switch to Offline has begun).</summary>
    public async Task<bool> AnySwitchedAsync(string @namespace, string site, SiteDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var target in definition.Ingresses)
        {
            var ingress = await ingresses.GetAsync(@namespace, target.Name, cancellationToken);
            if (IngressSwitchPlanner.SwitchedBy(ingress?.Metadata.Annotations) == site)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<IngressOutcome> SwitchAsync(
        string @namespace, string site, IngressSwitch target, string? maintenanceUrl, CancellationToken cancellationToken)
    {
        var ingress = await ingresses.GetAsync(@namespace, target.Name, cancellationToken);
        if (ingress is null)
        {
            return new(target.Name, IngressOutcomeKind.NotFound);
        }

        var plan = IngressSwitchPlanner.Switch(ingress.Metadata.Annotations, target, maintenanceUrl, site);
        if (plan.IsConflict)
        {
            return new(target.Name, IngressOutcomeKind.Conflict, plan.ConflictingSite);
        }

        var written = await WriteAsync(ingress, plan.Changes, cancellationToken);
        if (written)
        {
            LogSwitched(logger, @namespace, target.Name, site);
        }

        return new(target.Name, written ? IngressOutcomeKind.Written : IngressOutcomeKind.Unchanged);
    }

    private async Task RestoreUnlistedAsync(string @namespace, string site, HashSet<string> listed, CancellationToken cancellationToken)
    {
        var switched = ingresses.List(@namespace)
            .Where(i => !listed.Contains(i.Metadata.Name) && IngressSwitchPlanner.SwitchedBy(i.Metadata.Annotations) == site)
            .ToList();
        await Task.WhenAll(switched.Select(ingress => RestoreAsync(ingress, site, null, null, cancellationToken)));
    }

    private async Task RestoreAsync(V1Ingress ingress, string site, IngressSwitch? listed, string? maintenanceUrl, CancellationToken cancellationToken)
    {
        var changes = IngressSwitchPlanner.Restore(ingress.Metadata.Annotations, site, listed, maintenanceUrl);
        if (await WriteAsync(ingress, changes, cancellationToken))
        {
            LogRestored(logger, ingress.Metadata.NamespaceProperty, ingress.Metadata.Name, site);
        }
    }

    private async Task<bool> WriteAsync(V1Ingress ingress, AnnotationChanges changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return false;
        }

        var annotations = new JsonObject();
        foreach (var (key, value) in changes.Values)
        {
            annotations[key] = value;
        }

        var body = MergePatches.WithPrecondition(ingress.Metadata.ResourceVersion);
        body["metadata"]!["annotations"] = annotations;
        var result = await kubernetes.NetworkingV1.PatchNamespacedIngressAsync(
            MergePatches.From(body),
            ingress.Metadata.Name,
            ingress.Metadata.NamespaceProperty,
            fieldManager: WellKnown.FieldManager,
            cancellationToken: cancellationToken);
        ingresses.Written(ingress.Metadata.ResourceVersion, result);
        return true;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Switched Ingress {Namespace}/{Name} to the maintenance page for SiteMaintenance {Site}")]
    private static partial void LogSwitched(ILogger logger, string @namespace, string name, string site);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Restored Ingress {Namespace}/{Name} switched by SiteMaintenance {Site}")]
    private static partial void LogRestored(ILogger logger, string @namespace, string name, string site);
}
