namespace SiteMaintenance.Demo.Setup;

/// <summary>
/// The demo's own folder (<c>.demo/</c>, git-ignored): the kubeconfig, the plugin on PATH, the
/// processes' logs, the shared cookie keys, the written manifests and the record of every
/// process started. Held by one demo at a time (<see cref="TryLock"/>).
/// </summary>
internal sealed class DemoFolder : IDisposable
{
    private FileStream? _lock;

    public DemoFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Kubeconfig => Path.Combine(Root, "kubeconfig");

    /// <summary>Holds only <c>kubectl-maintenance</c>, for PATH.</summary>
    public string Bin => Path.Combine(Root, "bin");

    public string Logs => Path.Combine(Root, "logs");

    /// <summary>The cookie key ring the pods share (so a login counts on every pod).</summary>
    public string Keys => Path.Combine(Root, "keys");

    public string Manifests => Path.Combine(Root, "manifests");

    /// <summary>kubectl's discovery cache for this demo's API server.</summary>
    public string KubectlCache => Path.Combine(Root, "kube-cache");

    /// <summary>One line per process started: <c>pid start-id name</c> (see ProcessRegistry).</summary>
    public string ProcessRecord => Path.Combine(Root, "processes");

    public string LogOf(string name) => Path.Combine(Logs, name + ".log");

    /// <summary>Creates the folder and takes its lock; false when another demo holds it.</summary>
    public bool TryLock()
    {
        Directory.CreateDirectory(Root);
        try
        {
            _lock = new FileStream(Path.Combine(Root, "demo.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Empties what a run writes afresh (logs, manifests, the kubectl cache) and makes every subfolder.</summary>
    public void Prepare()
    {
        foreach (var stale in new[] { Logs, Manifests, KubectlCache, Bin })
        {
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        foreach (var folder in new[] { Logs, Manifests, KubectlCache, Bin, Keys })
        {
            Directory.CreateDirectory(folder);
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
