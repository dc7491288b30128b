using System.Text.Json.Nodes;
using FluentAssertions.Execution;

namespace SiteMaintenance.Emulator.Tests.Patching;

/// <summary>Parsing and comparing JSON in tests (object key order ignored, array order significant).</summary>
internal static class JsonTestExtensions
{
    public static JsonNode? Json(string text) => JsonNode.Parse(text);

    public static JsonObject Obj(string text) => JsonNode.Parse(text)!.AsObject();

    public static void ShouldBeJson(this JsonNode? actual, string expected)
    {
        var expectedNode = JsonNode.Parse(expected);
        if (!JsonNode.DeepEquals(actual, expectedNode))
        {
            throw new AssertionFailedException(
                $"Expected JSON {expectedNode?.ToJsonString() ?? "null"}{Environment.NewLine}but found {actual?.ToJsonString() ?? "null"}");
        }
    }
}
