namespace SiteMaintenance.Operator.Hosting;

/// <summary>One command-line flag and the configuration key it sets.</summary>
/// <param name="Name">The flag without dashes, e.g. <c>leader-elect</c>.</param>
/// <param name="Key">The configuration key, e.g. <c>LeaderElection:Enabled</c>.</param>
/// <param name="ValueName">What the value is, for the help (null: a boolean switch).</param>
/// <param name="Help">What it does, and its default.</param>
internal sealed record CommandLineFlag(string Name, string Key, string? ValueName, string Help)
{
    public bool IsSwitch => ValueName is null;
}
