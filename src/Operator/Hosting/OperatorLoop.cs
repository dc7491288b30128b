namespace SiteMaintenance.Operator.Hosting;

/// <summary>One of the operator's long-running loops, as the liveness probe sees it.</summary>
internal sealed class OperatorLoop(string name, Task task)
{
    public string Name { get; } = name;

    public Task Task { get; } = task;

    /// <summary>The loop runs (or was stopped on purpose).</summary>
    public bool IsAlive => !Task.IsCompleted || Stopped;

    /// <summary>Why it ended, if it failed.</summary>
    public string? Failure => Task.IsFaulted ? Task.Exception?.GetBaseException().Message : null;

    /// <summary>Set when the operator stops the loop itself.</summary>
    public bool Stopped { get; set; }
}
