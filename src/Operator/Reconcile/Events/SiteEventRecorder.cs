using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Kube;

namespace SiteMaintenance.Operator.Reconcile.Events;

/// <summary>
/// Records <c>events.k8s.io/v1</c> Events on a SiteMaintenance, so that <c>kubectl describe</c>
/// and <c>kubectl events</c> show them. Best effort, as client-go's recorder: a failure is logged
/// and never fails the reconcile.
/// </summary>
internal sealed partial class SiteEventRecorder(
    IKubernetes kubernetes,
    TimeProvider time,
    IOptions<SiteReconcilerOptions> options,
    ILogger<SiteEventRecorder> logger)
{
    private const int MaxNoteLength = 1024;
    private const int MaxNameLength = 253;
    private long _lastNanos;

    /// <summary>Records <paramref name="siteEvent"/> on <paramref name="site"/>.</summary>
    public async Task RecordAsync(V1Alpha1SiteMaintenance site, SiteEvent siteEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(siteEvent);
        var now = time.GetUtcNow().UtcDateTime;
        var body = new Eventsv1Event
        {
            Metadata = new V1ObjectMeta
            {
                Name = UniqueName(site.Metadata.Name, now),
                NamespaceProperty = site.Metadata.NamespaceProperty,
            },
            EventTime = KubeTime.Micro(now),
            ReportingController = WellKnown.ReportingController,
            ReportingInstance = options.Value.ReportingInstance,
            Action = siteEvent.Action,
            Reason = siteEvent.Reason,
            Type = siteEvent.Type,
            Note = siteEvent.Note.Length <= MaxNoteLength ? siteEvent.Note : siteEvent.Note[..(MaxNoteLength - 1)] + "…",
            Regarding = new V1ObjectReference
            {
                ApiVersion = V1Alpha1SiteMaintenance.KubeGroupVersion,
                Kind = V1Alpha1SiteMaintenance.KubeKind,
                Name = site.Metadata.Name,
                NamespaceProperty = site.Metadata.NamespaceProperty,
                Uid = site.Metadata.Uid,
                ResourceVersion = site.Metadata.ResourceVersion,
            },
        };

        try
        {
            await kubernetes.EventsV1.CreateNamespacedEventAsync(
                body, site.Metadata.NamespaceProperty, fieldManager: WellKnown.FieldManager, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e)
        {
            LogEventFailed(logger, siteEvent.Reason, site.Metadata.NamespaceProperty, site.Metadata.Name, e.Describe());
        }
        catch (HttpRequestException e)
        {
            LogEventFailed(logger, siteEvent.Reason, site.Metadata.NamespaceProperty, site.Metadata.Name, e.Message);
        }
    }

    // client-go's scheme, <name>.<unix nanoseconds in hex>, made strictly increasing per process
    // so that two events in the same instant (or under a stopped test clock) do not collide.
    private string UniqueName(string name, DateTime now)
    {
        var nanos = (now.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        long last;
        long next;
        do
        {
            last = Interlocked.Read(ref _lastNanos);
            next = Math.Max(nanos, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastNanos, next, last) != last);

        var suffix = "." + next.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        var prefix = name.Length + suffix.Length <= MaxNameLength ? name : name[..(MaxNameLength - suffix.Length)].TrimEnd('-', '.');
        return prefix + suffix;
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Could not record the {Reason} event on SiteMaintenance {Namespace}/{Name}: {Error}")]
    private static partial void LogEventFailed(ILogger logger, string reason, string @namespace, string name, string error);
}
