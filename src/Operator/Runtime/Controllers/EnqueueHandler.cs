using SiteMaintenance.Operator.Runtime.Informers;

namespace SiteMaintenance.Operator.Runtime.Controllers;

/// <summary>
/// Turns an informer's changes into work: the keys that <c>map</c> gives for an object (for an
/// update, for both its old and its new state, so a moved label wakes both sites) are enqueued.
/// </summary>
/// <typeparam name="T">The informer's kind.</typeparam>
internal sealed class EnqueueHandler<T>(
    Func<T, IEnumerable<ObjectKey>> map,
    Action<ObjectKey> enqueue,
    Func<T, T, bool>? updateMatters = null) : IInformerHandler<T>
    where T : class
{
    public void OnAdd(T obj) => Enqueue(map(obj));

    public void OnUpdate(T oldObj, T newObj)
    {
        if (updateMatters is not null && !updateMatters(oldObj, newObj))
        {
            return;
        }

        Enqueue(map(oldObj).Concat(map(newObj)).Distinct());
    }

    public void OnDelete(T obj) => Enqueue(map(obj));

    private void Enqueue(IEnumerable<ObjectKey> keys)
    {
        foreach (var key in keys)
        {
            enqueue(key);
        }
    }
}
