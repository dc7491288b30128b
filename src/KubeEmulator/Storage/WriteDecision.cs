using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Storage;

/// <summary>What a write decided to do with the object it looked at.</summary>
public abstract record WriteDecision
{
    private WriteDecision()
    {
    }

    /// <summary>Nothing changes: no new resourceVersion, no watch event.</summary>
    public static WriteDecision Keep { get; } = new KeepDecision();

    /// <summary>Store this object (create or replace); the store sets its resourceVersion.</summary>
    public static WriteDecision Put(JsonObject obj) => new PutDecision(obj);

    /// <summary>Remove the object; <paramref name="finalState"/> is what the DELETED event carries.</summary>
    public static WriteDecision Remove(JsonObject finalState) => new RemoveDecision(finalState);

    internal sealed record KeepDecision : WriteDecision;

    internal sealed record PutDecision(JsonObject Object) : WriteDecision;

    internal sealed record RemoveDecision(JsonObject FinalState) : WriteDecision;
}

/// <summary>The outcome of a write.</summary>
/// <param name="Object">The object as stored now (for a removal: its final state); null only when nothing existed and nothing was written.</param>
/// <param name="Changed">Whether anything was written (a new resourceVersion and a watch event).</param>
/// <param name="Removed">Whether the object was removed.</param>
public sealed record WriteResult(StoredObject? Object, bool Changed, bool Removed);
