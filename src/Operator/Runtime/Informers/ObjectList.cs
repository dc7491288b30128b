namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>One page of a list call.</summary>
/// <typeparam name="T">The listed kind.</typeparam>
/// <param name="Items">The objects.</param>
/// <param name="ResourceVersion">The resourceVersion of the list (where a watch continues from).</param>
/// <param name="Continue">The token for the next page; null or empty on the last one.</param>
internal sealed record ObjectList<T>(IReadOnlyList<T> Items, string? ResourceVersion, string? Continue);
