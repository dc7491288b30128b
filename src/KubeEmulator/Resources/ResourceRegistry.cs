namespace SiteMaintenance.Emulator.Resources;

/// <summary>One API group as discovery presents it.</summary>
/// <param name="Name">Group name, empty for the core group.</param>
/// <param name="Versions">Served versions, preferred first.</param>
public sealed record ApiGroupInfo(string Name, IReadOnlyList<string> Versions)
{
    public string PreferredVersion => Versions[0];
}

/// <summary>
/// Every resource the emulator serves: the built-ins plus those of established
/// CustomResourceDefinitions. Readers see an immutable snapshot, swapped atomically, so a
/// created CRD appears in discovery at once and a deleted one disappears at once.
/// </summary>
public sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _crds = new(StringComparer.Ordinal);
    private volatile Snapshot _snapshot;

    public ResourceRegistry(IEnumerable<ResourceType> builtins)
    {
        Builtins = [.. builtins];
        _snapshot = Snapshot.Build(Builtins, _crds);
    }

    public IReadOnlyList<ResourceType> Builtins { get; }

    /// <summary>Every served resource, built-ins first in declaration order.</summary>
    public IReadOnlyList<ResourceType> All => _snapshot.All;

    /// <summary>Groups in discovery order (core first, built-ins, then custom groups alphabetically).</summary>
    public IReadOnlyList<ApiGroupInfo> Groups => _snapshot.Groups;

    public ResourceType? Find(string group, string version, string plural) =>
        _snapshot.ByPath.TryGetValue((group, version, plural), out var type) ? type : null;

    /// <summary>Resources served at one group/version (empty when none).</summary>
    public IReadOnlyList<ResourceType> InGroupVersion(string group, string version) =>
        _snapshot.All.Where(t => t.Group == group && t.Version == version).ToList();

    /// <summary>The resources a CRD serves now (empty when it is not established).</summary>
    public IReadOnlyList<ResourceType> OfCrd(string crdName)
    {
        lock (_gate)
        {
            return _crds.TryGetValue(crdName, out var types) ? types : [];
        }
    }

    /// <summary>Serves (or re-serves) a CRD's resources.</summary>
    public void SetCrd(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            _crds[crdName] = types;
            _snapshot = Snapshot.Build(Builtins, _crds);
        }
    }

    public void RemoveCrd(string crdName)
    {
        lock (_gate)
        {
            if (_crds.Remove(crdName))
            {
                _snapshot = Snapshot.Build(Builtins, _crds);
            }
        }
    }

    private sealed record Snapshot(
        IReadOnlyList<ResourceType> All,
        IReadOnlyDictionary<(string Group, string Version, string Plural), ResourceType> ByPath,
        IReadOnlyList<ApiGroupInfo> Groups)
    {
        public static Snapshot Build(IReadOnlyList<ResourceType> builtins, Dictionary<string, IReadOnlyList<ResourceType>> crds)
        {
            var custom = crds.OrderBy(c => c.Key, StringComparer.Ordinal).SelectMany(c => c.Value).ToList();
            var all = builtins.Concat(custom).ToList();
            var byPath = new Dictionary<(string, string, string), ResourceType>();
            foreach (var t in all)
            {
                byPath[(t.Group, t.Version, t.Plural)] = t;
            }

            var groups = new List<ApiGroupInfo>();
            foreach (var name in builtins.Select(t => t.Group).Distinct()
                         .Concat(custom.Select(t => t.Group).Distinct().Where(g => builtins.All(b => b.Group != g)).Order(StringComparer.Ordinal)))
            {
                var versions = all.Where(t => t.Group == name).Select(t => t.Version).Distinct().OrderBy(v => v, VersionPriority.Comparer).ToList();
                groups.Add(new ApiGroupInfo(name, versions));
            }

            return new Snapshot(all, byPath, groups);
        }
    }
}
