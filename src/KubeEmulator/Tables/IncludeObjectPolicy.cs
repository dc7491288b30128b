namespace SiteMaintenance.Emulator.Tables;

/// <summary>What a Table row's <c>object</c> carries (<c>includeObject</c> query parameter).</summary>
public enum IncludeObjectPolicy
{
    /// <summary>No object: the row's <c>object</c> is <c>null</c>.</summary>
    None,

    /// <summary>A <c>meta.k8s.io/v1 PartialObjectMetadata</c> with the full <c>metadata</c> (the default).</summary>
    Metadata,

    /// <summary>The whole object.</summary>
    Object,
}
