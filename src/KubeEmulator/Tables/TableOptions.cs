namespace SiteMaintenance.Emulator.Tables;

/// <summary>Options of one Table conversion.</summary>
/// <param name="IncludeObject">What each row's <c>object</c> carries.</param>
/// <param name="Now">The instant ages are measured against.</param>
/// <param name="IncludeColumnDefinitions">
/// False for the watch events after the first, which carry <c>"columnDefinitions": null</c>
/// (the apiserver sets <c>TableOptions.NoHeaders</c> once it has sent them).
/// </param>
public sealed record TableOptions(IncludeObjectPolicy IncludeObject, DateTimeOffset Now, bool IncludeColumnDefinitions = true);
