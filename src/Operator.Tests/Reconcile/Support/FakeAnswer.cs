using System.Text.Json.Nodes;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>What a fake application Pod answers on its sessions endpoint.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body.</param>
/// <param name="Delay">How long to wait before answering.</param>
/// <param name="Location">A Location header (for redirects).</param>
/// <param name="Chunked">Send the body without a Content-Length.</param>
internal sealed record FakeAnswer(int Status, string Body, TimeSpan Delay = default, string? Location = null, bool Chunked = false)
{
    /// <summary><c>{"activeSessions": n}</c>.</summary>
    public static FakeAnswer Sessions(int count) => Sessions(count, null);

    /// <summary><c>{"activeSessions": n, "sessionIds": [...]}</c>.</summary>
    public static FakeAnswer SessionsWithIds(int count, params string[] ids) => Sessions(count, ids);

    private static FakeAnswer Sessions(int count, string[]? ids)
    {
        var body = new JsonObject { ["activeSessions"] = count };
        if (ids is not null)
        {
            body["sessionIds"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]);
        }

        return new(200, body.ToJsonString());
    }

    /// <summary>A body as given, with status 200.</summary>
    public static FakeAnswer Raw(string body) => new(200, body);

    /// <summary>An error status with an empty JSON body.</summary>
    public static FakeAnswer Error(int status) => new(status, "{}");
}
