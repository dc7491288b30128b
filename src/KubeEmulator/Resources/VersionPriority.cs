using System.Text.RegularExpressions;

namespace SiteMaintenance.Emulator.Resources;

/// <summary>
/// Kubernetes' version ordering (apimachinery <c>version.CompareKubeAwareVersionStrings</c>):
/// GA before beta before alpha, higher numbers first, then other strings alphabetically.
/// </summary>
public static partial class VersionPriority
{
    /// <summary>Negative when <paramref name="a"/> has the higher priority (sorts first).</summary>
    public static int Compare(string a, string b)
    {
        var ka = Parse(a);
        var kb = Parse(b);
        if (ka is null && kb is null)
        {
            return string.CompareOrdinal(a, b);
        }

        if (ka is null)
        {
            return 1;
        }

        if (kb is null)
        {
            return -1;
        }

        var (majorA, stageA, minorA) = ka.Value;
        var (majorB, stageB, minorB) = kb.Value;
        if (stageA != stageB)
        {
            return stageA.CompareTo(stageB);
        }

        if (majorA != majorB)
        {
            return majorB.CompareTo(majorA);
        }

        return minorB.CompareTo(minorA);
    }

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    private static (int Major, int Stage, int Minor)? Parse(string v)
    {
        var m = KubeVersion().Match(v);
        if (!m.Success)
        {
            return null;
        }

        var major = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stage = m.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        var minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (major, stage, minor);
    }

    [GeneratedRegex(@"^v(\d+)(?:(alpha|beta)(\d+))?$")]
    private static partial Regex KubeVersion();
}
