using k8s.Models;

namespace SiteMaintenance.Operator.Runtime.Watching;

/// <summary>One line of a watch stream.</summary>
/// <typeparam name="T">The watched kind.</typeparam>
/// <param name="Kind">What happened.</param>
/// <param name="Object">The object, for <see cref="WatchEventKind.Added"/>, <see cref="WatchEventKind.Modified"/> and <see cref="WatchEventKind.Deleted"/>.</param>
/// <param name="ResourceVersion">The resourceVersion the event carries (for a bookmark, the only content).</param>
/// <param name="Status">The error, for <see cref="WatchEventKind.Error"/>.</param>
internal readonly record struct WatchEvent<T>(WatchEventKind Kind, T? Object, string? ResourceVersion, V1Status? Status)
    where T : class;
