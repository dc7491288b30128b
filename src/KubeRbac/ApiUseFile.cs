using SiteMaintenance.Emulator.Recording;

namespace SiteMaintenance.Rbac;

/// <summary>
/// A text file of <see cref="ApiUse"/> lines (<c>#</c> starts a comment). The operator's
/// tests can append what they recorded (<see cref="AppendRecorded"/>) when
/// <see cref="RecordEnvironmentVariable"/> names a file, and the packaging tests compare the
/// role with such a file.
/// </summary>
public static class ApiUseFile
{
    /// <summary>When set, <see cref="AppendRecorded"/> appends to the file it names.</summary>
    public const string RecordEnvironmentVariable = "SITEMAINTENANCE_RECORD_API_USE";

    private static readonly Lock Gate = new();

    public static IReadOnlyList<ApiUse> Read(string path) =>
        [.. File.ReadLines(path)
            .Select(l => l.Split('#')[0].Trim())
            .Where(l => l.Length > 0)
            .Select(ApiUse.Parse)
            .Distinct()
            .Order(ApiUse.Comparer)];

    /// <summary>Writes the distinct uses, sorted, under a header comment.</summary>
    public static void Write(string path, IEnumerable<ApiUse> uses, string header)
    {
        var lines = header.Split('\n').Select(l => "# " + l).Concat(uses.Distinct().Order(ApiUse.Comparer).Select(u => u.ToString()));
        File.WriteAllLines(path, lines);
    }

    /// <summary>
    /// Appends the uses of <paramref name="user"/> among <paramref name="requests"/> to the file
    /// named by <see cref="RecordEnvironmentVariable"/> (with <paramref name="variant"/>, to that
    /// name with <c>.</c><paramref name="variant"/> appended: the uses of another install, such as
    /// the namespaced one); does nothing when it is not set. Safe to call from tests running in
    /// parallel. Returns the uses appended.
    /// </summary>
    public static IReadOnlyList<ApiUse> AppendRecorded(IEnumerable<RecordedRequest> requests, string user, string operatorNamespace, string? variant = null)
    {
        var path = Environment.GetEnvironmentVariable(RecordEnvironmentVariable);
        if (string.IsNullOrEmpty(path))
        {
            return [];
        }

        if (!string.IsNullOrEmpty(variant))
        {
            path += "." + variant;
        }

        var uses = ApiUse.FromRequests(requests, user, operatorNamespace);
        lock (Gate)
        {
            File.AppendAllLines(path, uses.Select(u => u.ToString()));
        }

        return uses;
    }
}
