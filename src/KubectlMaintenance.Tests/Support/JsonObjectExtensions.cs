using System.Text.Json.Nodes;

namespace SiteMaintenance.KubectlMaintenance.Tests.Support;

internal static class JsonObjectExtensions
{
    /// <summary>Sets each of <paramref name="changes"/>' properties on <paramref name="target"/> (shallow) and returns it.</summary>
    public static JsonObject Merge(this JsonObject target, JsonObject changes)
    {
        foreach (var (key, value) in changes.ToList())
        {
            changes.Remove(key);
            target[key] = value;
        }

        return target;
    }
}
