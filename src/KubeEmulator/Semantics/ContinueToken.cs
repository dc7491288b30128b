using System.Text;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>List paging tokens, shaped like the apiserver's (base64 of <c>{"v","rv","start"}</c>).</summary>
public static class ContinueToken
{
    public static string Encode(string lastKey, long resourceVersion)
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = resourceVersion, ["start"] = lastKey + "\u0000" };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The key after which the next page starts; a malformed token is a 400.</summary>
    public static string Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var json = JsonNode.Parse(Convert.FromBase64String(padded));
            var start = json?["start"].Str() ?? throw new FormatException("no start");
            return start.TrimEnd('\u0000');
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw ApiException.BadRequest($"continue key is not valid: {e.Message}");
        }
    }
}
