namespace SiteMaintenance.Operator.Runtime.Informers;

/// <summary>What a list call asks for.</summary>
/// <param name="LabelSelector">Only objects with these labels; null for all.</param>
/// <param name="Limit">The page size.</param>
/// <param name="Continue">The token of the page to fetch; null for the first.</param>
internal sealed record ListOptions(string? LabelSelector, int Limit, string? Continue);
