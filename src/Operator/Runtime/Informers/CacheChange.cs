namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>What a change did to an <see cref="ObjectCache{T}"/>: the object before and after (null: absent).</summary>
/// <typeparam name="T">The cached kind.</typeparam>
internal readonly record struct CacheChange<T>(T? Old, T? New)
    where T : class
{
    public bool IsAdd => Old is null && New is not null;

    public bool IsDelete => Old is not null && New is null;

    public bool IsUpdate => Old is not null && New is not null;
}
