namespace SiteMaintenance.AspNetCore.State;

/// <summary>The outcome of reading the lock directory.</summary>
internal enum LockReadStatus
{
    Read,
    Missing,
    Unreadable,
}

/// <summary>
/// Reads the lock keys from a directory. A ConfigMap volume holds each key as a symlink
/// <c>key → ..data/key</c>, where <c>..data</c> is itself a symlink to a timestamped directory
/// that the kubelet swaps atomically. Reading through the resolved <c>..data</c> target gives all
/// keys from one version; a plain directory of files (no <c>..data</c>) works as well.
/// </summary>
internal static class LockDirectoryReader
{
    private const string DataLink = "..data";
    private const int MaxValueChars = 64 * 1024;
    private const int Attempts = 3;

    public static LockReadStatus TryRead(string directory, out Dictionary<string, string> data, out string? error)
    {
        data = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!Directory.Exists(directory))
                {
                    return LockReadStatus.Missing;
                }

                data = ReadOnce(directory);
                return data.Count == 0 ? LockReadStatus.Missing : LockReadStatus.Read;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A swap may remove the old version while we read it: try again.
                if (attempt >= Attempts)
                {
                    error = e.Message;
                    return LockReadStatus.Unreadable;
                }

                Thread.Sleep(20 * attempt);
            }
        }
    }

    private static Dictionary<string, string> ReadOnce(string directory)
    {
        var source = ResolveVersionDirectory(directory) ?? directory;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in LockKeys.All)
        {
            var path = Path.Combine(source, key);
            if (File.Exists(path))
            {
                data[key] = ReadCapped(path);
            }
        }

        return data;
    }

    private static string? ResolveVersionDirectory(string directory)
    {
        var link = new DirectoryInfo(Path.Combine(directory, DataLink));
        if (!link.Exists)
        {
            return null;
        }

        var target = link.ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? link.FullName;
    }

    private static string ReadCapped(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[MaxValueChars];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }
}
