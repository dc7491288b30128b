using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Schema;

namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>Builds schemas and objects from JSON text for the schema tests.</summary>
internal static class SchemaTestData
{
    public const string SchemaPath = "spec.versions[0].schema.openAPIV3Schema";

    public static StructuralSchema ParseSchema(string json) => StructuralSchema.Parse(Object(json), SchemaPath);

    /// <summary>A root schema whose <c>spec</c> is the given schema.</summary>
    public static StructuralSchema SpecSchema(string specJson) =>
        ParseSchema("""{"type":"object","properties":{"spec":""" + specJson + "}}");

    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A custom resource with the given spec.</summary>
    public static JsonObject Resource(string specJson) =>
        Object("""{"apiVersion":"ops.example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":""" + specJson + "}");

    /// <summary>The causes a schema that the apiserver would reject yields.</summary>
    public static IReadOnlyList<FieldCause> Rejection(string json)
    {
        try
        {
            ParseSchema(json);
        }
        catch (ApiException e)
        {
            e.Code.Should().Be(422);
            e.Reason.Should().Be("Invalid");
            return e.Details!.Causes!;
        }

        throw new InvalidOperationException("the schema was accepted");
    }

    public static IEnumerable<string> Texts(this IEnumerable<FieldCause> causes) => causes.Select(c => c.ToString());
}
