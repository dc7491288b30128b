using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Storage;

/// <summary>
/// One object as stored: immutable UTF-8 JSON plus what selectors and the lifecycle controller
/// need, computed once at write time. Readers parse their own copy, so no mutable node is ever
/// shared between threads.
/// </summary>
public sealed class StoredObject
{
    internal StoredObject(
        StorageKey key,
        string @namespace,
        string name,
        long resourceVersion,
        byte[] json,
        IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string> fields,
        ObjectLifecycle lifecycle)
    {
        Key = key;
        Namespace = @namespace;
        Name = name;
        ResourceVersion = resourceVersion;
        Json = json;
        Labels = labels;
        Fields = fields;
        Lifecycle = lifecycle;
    }

    public StorageKey Key { get; }

    /// <summary>The namespace, empty for cluster-scoped objects.</summary>
    public string Namespace { get; }

    public string Name { get; }

    public long ResourceVersion { get; }

    /// <summary>The object's JSON (with <c>metadata.resourceVersion</c> already set).</summary>
    public ReadOnlyMemory<byte> Json { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Field-selector values (e.g. <c>status.phase</c>), computed when the object was written.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Its uid, owners and whether it is being deleted (what garbage collection needs).</summary>
    public ObjectLifecycle Lifecycle { get; }

    /// <summary>A fresh, caller-owned copy of the object.</summary>
    public JsonObject Parse() => JsonNode.Parse(Json.Span)!.AsObject();

    /// <summary>The labels as a fresh JSON object (what label selectors match against).</summary>
    public JsonObject LabelsObject()
    {
        var labels = new JsonObject();
        foreach (var (k, v) in Labels)
        {
            labels[k] = v;
        }

        return labels;
    }

    public string FieldValue(string label) => Fields.TryGetValue(label, out var value) ? value : string.Empty;
}
