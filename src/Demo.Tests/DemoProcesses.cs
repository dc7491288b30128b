namespace SiteMaintenance.Demo.Tests;

/// <summary>The demo's process tests run one at a time: each starts a dozen processes on a two-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class DemoProcesses
{
    public const string Name = "demo processes";

    /// <summary>The whole story, on a busy machine (it takes about 20 s alone).</summary>
    public static readonly TimeSpan StoryPatience = TimeSpan.FromMinutes(3);

    /// <summary>How long the demo may take to stop everything once told to.</summary>
    public static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);
}
