using System.Text.Encodings.Web;
using System.Text.Json;
using SiteMaintenance.Emulator.Patching;
using static SiteMaintenance.Emulator.Tests.Patching.JsonTestExtensions;

namespace SiteMaintenance.Emulator.Tests.Patching;

public sealed class FieldsV1Tests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The fieldsV1 of a Deployment applied with kubectl (key order as the apiserver writes it).
    private const string Deployment =
        """{"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}},"f:finalizers":{".":{},"v:\"foregroundDeletion\"":{}}},"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}}}""";

    [Fact]
    public void Decoding_and_encoding_reproduces_the_apiservers_text()
    {
        var set = FieldsV1.Decode(Json(Deployment))!;

        FieldsV1.Encode(set).ToJsonString(Relaxed).Should().Be(Deployment);
    }

    [Fact]
    public void Members_iterate_in_path_order_and_print_like_structured_merge_diff()
    {
        var set = FieldsV1.Decode(Json(Deployment))!;

        set.Members().Select(FieldPaths.Format).Should().Equal(
            ".metadata.annotations",
            ".metadata.finalizers",
            ".metadata.annotations.kubectl.kubernetes.io/last-applied-configuration",
            ".metadata.finalizers[=\"foregroundDeletion\"]",
            ".spec.replicas",
            ".spec.template.spec.containers[name=\"nginx\"]",
            ".spec.template.spec.containers[name=\"nginx\"].image",
            ".spec.template.spec.containers[name=\"nginx\"].ports",
            ".spec.template.spec.containers[name=\"nginx\"].ports[containerPort=80,protocol=\"TCP\"]",
            ".spec.template.spec.containers[name=\"nginx\"].ports[containerPort=80,protocol=\"TCP\"].containerPort",
            ".spec.template.spec.containers[name=\"nginx\"].ports[containerPort=80,protocol=\"TCP\"].protocol");
    }

    [Fact]
    public void Fields_sort_before_keys_values_and_indexes()
    {
        var set = FieldSet.Of(
            [PathElement.Index(0)],
            [PathElement.Value(Json("\"v\""))],
            [PathElement.Key([new("name", Json("\"k\""))])],
            [PathElement.Field("z")],
            [PathElement.Field("a")]);

        FieldsV1.Encode(set).Select(p => p.Key).Should().Equal("f:a", "f:z", "k:{\"name\":\"k\"}", "v:\"v\"", "i:0");
    }

    [Theory]
    [InlineData("""{"x:bad":{}}""")]
    [InlineData("""{"f:a":1}""")]
    [InlineData("""{"k:notjson":{}}""")]
    [InlineData("[]")]
    public void Malformed_fields_are_rejected(string fields)
    {
        FieldsV1.Decode(Json(fields)).Should().BeNull();
    }

    [Fact]
    public void Set_operations_work_member_by_member()
    {
        var ab = FieldsV1.Decode(Json("""{"f:spec":{".":{},"f:a":{},"f:b":{}}}"""))!;
        var b = FieldsV1.Decode(Json("""{"f:spec":{"f:b":{}}}"""))!;

        FieldsV1.Encode(ab.Difference(b)).ShouldBeJson("""{"f:spec":{".":{},"f:a":{}}}""");
        FieldsV1.Encode(ab.Intersection(b)).ShouldBeJson("""{"f:spec":{"f:b":{}}}""");
        FieldsV1.Encode(b.Union(FieldsV1.Decode(Json("""{"f:x":{}}"""))!)).ShouldBeJson("""{"f:spec":{"f:b":{}},"f:x":{}}""");
    }
}
