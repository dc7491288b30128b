namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>An <see cref="IInformerHandler{T}"/> made of delegates (any of them may be left out).</summary>
/// <typeparam name="T">The informer's kind.</typeparam>
internal sealed class InformerHandler<T>(
    Action<T>? onAdd = null,
    Action<T, T>? onUpdate = null,
    Action<T>? onDelete = null) : IInformerHandler<T>
    where T : class
{
    public void OnAdd(T obj) => onAdd?.Invoke(obj);

    public void OnUpdate(T oldObj, T newObj) => onUpdate?.Invoke(oldObj, newObj);

    public void OnDelete(T obj) => onDelete?.Invoke(obj);
}
