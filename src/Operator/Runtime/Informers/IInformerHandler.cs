namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>
/// Told about every change an informer applies to its cache, after the cache holds it. Called
/// from the informer's loops (concurrently when it watches several namespaces): implementations
/// must be quick and thread-safe, typically enqueueing keys. An exception is logged and ignored.
/// </summary>
/// <typeparam name="T">The informer's kind.</typeparam>
internal interface IInformerHandler<in T>
    where T : class
{
    void OnAdd(T obj);

    void OnUpdate(T oldObj, T newObj);

    /// <summary>The object is gone; <paramref name="obj"/> is its last known state.</summary>
    void OnDelete(T obj);
}
