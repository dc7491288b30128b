using System.Runtime.InteropServices;

namespace SiteMaintenance.AspNetCore.Tests.Support;

/// <summary>A temporary lock directory written like the operator's ConfigMap would be mounted.</summary>
internal sealed class LockFiles : IDisposable
{
    private int _version;

    public LockFiles(bool create = true)
    {
        Directory = Path.Combine(Path.GetTempPath(), "sm-lock-" + Guid.NewGuid().ToString("N"));
        if (create)
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
    }

    public string Directory { get; }

    public static Dictionary<string, string> Data(SiteState state, string? message = null, string? url = null, string? since = null)
    {
        var data = new Dictionary<string, string>
        {
            ["state"] = state.ToString().ToUpperInvariant(),
            ["site"] = "shop",
        };
        if (message is not null)
        {
            data["message"] = message;
        }

        if (url is not null)
        {
            data["maintenanceUrl"] = url;
        }

        if (since is not null)
        {
            data["since"] = since;
        }

        if (state == SiteState.Pending)
        {
            data["pending"] = "true";
        }

        if (state == SiteState.Offline)
        {
            data["offline"] = "true";
        }

        return data;
    }

    /// <summary>Plain files, one per key; keys not given are removed. Each file is replaced atomically.</summary>
    public void WritePlain(IReadOnlyDictionary<string, string> data)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var key in new[] { "state", "message", "maintenanceUrl", "since", "site", "pending", "offline" })
        {
            var path = Path.Combine(Directory, key);
            if (data.TryGetValue(key, out var value))
            {
                var temp = Path.Combine(Directory, "." + key + ".tmp");
                File.WriteAllText(temp, value);
                File.Move(temp, path, overwrite: true);
            }
            else
            {
                File.Delete(path);
            }
        }
    }

    public void WritePlain(SiteState state, string? message = null, string? url = null) => WritePlain(Data(state, message, url));

    /// <summary>
    /// The kubelet's atomic writer: a new timestamped directory, a <c>..data_tmp</c> symlink to it
    /// renamed over <c>..data</c>, key symlinks <c>key → ..data/key</c>, and the old version removed.
    /// </summary>
    public void WriteLikeKubelet(IReadOnlyDictionary<string, string> data)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var version = $"..2026_01_01_00_00_00.{Interlocked.Increment(ref _version)}";
        var versionDir = Path.Combine(Directory, version);
        System.IO.Directory.CreateDirectory(versionDir);
        foreach (var (key, value) in data)
        {
            File.WriteAllText(Path.Combine(versionDir, key), value);
        }

        var dataLink = Path.Combine(Directory, "..data");
        var old = File.Exists(dataLink) || System.IO.Directory.Exists(dataLink)
            ? new DirectoryInfo(dataLink).LinkTarget
            : null;
        var tmp = Path.Combine(Directory, "..data_tmp");
        File.Delete(tmp);
        File.CreateSymbolicLink(tmp, version);
        Rename(tmp, dataLink);

        foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(Directory))
        {
            var name = Path.GetFileName(entry);
            if (!name.StartsWith("..", StringComparison.Ordinal) && !data.ContainsKey(name))
            {
                File.Delete(entry);
            }
        }

        foreach (var key in data.Keys)
        {
            var link = Path.Combine(Directory, key);
            if (new FileInfo(link).LinkTarget is null)
            {
                File.Delete(link);
                File.CreateSymbolicLink(link, Path.Combine("..data", key));
            }
        }

        if (old is not null && old != version)
        {
            System.IO.Directory.Delete(Path.Combine(Directory, old), recursive: true);
        }
    }

    // rename(2) replaces the ..data symlink atomically, as the kubelet does; File.Move refuses
    // a symlink to a directory.
    private static void Rename(string from, string to)
    {
        if (NativeMethods.rename(from, to) != 0)
        {
            throw new IOException($"rename {from} -> {to} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

internal static class NativeMethods
{
    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "The libc function's name.")]
    internal static extern int rename(string oldpath, string newpath);
}
