using System.Runtime.CompilerServices;
using System.Text.Json;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Semantics;
using SiteMaintenance.Emulator.Storage;

namespace SiteMaintenance.Emulator.Http;

/// <summary>
/// Each stored object's JSON as a resource type presents it, encoded once and shared by every
/// watcher of that type, as the apiserver's watch cache shares one serialization of an event. An
/// entry lives as long as the stored object does (the store and its change history hold it).
/// </summary>
internal sealed class EncodedObjects(ObjectService service)
{
    private readonly ConditionalWeakTable<StoredObject, Encodings> _encodings = [];

    /// <summary>The JSON of <paramref name="stored"/> as <paramref name="type"/> presents it.</summary>
    public byte[] Get(ResourceType type, StoredObject stored)
    {
        var encodings = _encodings.GetValue(stored, static _ => new Encodings());
        return encodings.Find(type)
            ?? encodings.Add(type, JsonSerializer.SerializeToUtf8Bytes(service.Present(type, stored), EmulatorJson.NodeOptions));
    }

    // Almost always one type per object; a CRD served in several versions may add more.
    private sealed class Encodings
    {
        private readonly Lock _gate = new();
        private readonly List<(ResourceType Type, byte[] Json)> _byType = new(1);

        public byte[]? Find(ResourceType type)
        {
            lock (_gate)
            {
                return FindUnlocked(type);
            }
        }

        // Two watchers may encode the same event at once: the first encoding stays.
        public byte[] Add(ResourceType type, byte[] json)
        {
            lock (_gate)
            {
                if (FindUnlocked(type) is { } existing)
                {
                    return existing;
                }

                _byType.Add((type, json));
                return json;
            }
        }

        private byte[]? FindUnlocked(ResourceType type)
        {
            foreach (var (t, json) in _byType)
            {
                if (ReferenceEquals(t, type))
                {
                    return json;
                }
            }

            return null;
        }
    }
}
