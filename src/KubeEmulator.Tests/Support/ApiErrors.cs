using System.Net;
using System.Text.Json.Nodes;
using k8s.Autorest;

namespace SiteMaintenance.Emulator.Tests.Support;

/// <summary>Runs a client call that must fail and returns the HTTP status and the Status body.</summary>
internal static class ApiErrors
{
    public static async Task<(HttpStatusCode Code, JsonObject Status)> CaptureAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (HttpOperationException e)
        {
            var body = JsonNode.Parse(e.Response.Content)!.AsObject();
            return (e.Response.StatusCode, body);
        }

        throw new InvalidOperationException("the call was expected to fail");
    }
}
