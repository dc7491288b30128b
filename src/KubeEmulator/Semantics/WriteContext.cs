using SiteMaintenance.Emulator.Resources;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>What a strategy may need to know while preparing one write.</summary>
/// <param name="Type">The resource as addressed (its version decides the served shape).</param>
/// <param name="Now">The write's time.</param>
/// <param name="Store">Consistent reads inside the write.</param>
public sealed record WriteContext(ResourceType Type, DateTimeOffset Now, Storage.IStoreReader Store);
