using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Patching;
using static SiteMaintenance.Emulator.Tests.Patching.JsonTestExtensions;

namespace SiteMaintenance.Emulator.Tests.Patching;

public sealed class JsonPatchTests
{
    private const string Rejected = "the server rejected our request due to an error in our request";

    // RFC 6902, Appendix A: the examples that must succeed (A.1–A.8, A.10, A.11, A.14, A.16).
    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData(
        """{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""",
        """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""",
        """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData(
        """{"baz":"qux","foo":["a",2,"c"]}""",
        """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""",
        """{"baz":"qux","foo":["a",2,"c"]}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux","xyz":123}]""", """{"foo":"bar","baz":"qux"}""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10}]""", """{"/":9,"~1":10}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    public void Rfc6902_appendix_examples_that_succeed(string document, string patch, string expected)
    {
        JsonPatch.Apply(Json(document)!, Json(patch)!).ShouldBeJson(expected);
    }

    // RFC 6902, Appendix A.9, A.12 and A.15: failing operations are a 422 with the generic message.
    [Theory]
    [InlineData("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":"10"}]""")]
    public void Rfc6902_appendix_examples_that_fail_are_unprocessable(string document, string patch)
    {
        var act = () => JsonPatch.Apply(Json(document)!, Json(patch)!);

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(422);
        error.Reason.Should().Be("Invalid");
        error.Message.Should().Be(Rejected);
        error.ToStatus()["details"].ShouldBeJson("{}");
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""[{"op":"remove","path":"/list/5"}]""")]
    [InlineData("""[{"op":"add","path":"/list/4","value":0}]""")]
    [InlineData("""[{"op":"add","path":"/list/x","value":0}]""")]
    [InlineData("""[{"op":"replace","path":"/list/-","value":0}]""")]
    [InlineData("""[{"op":"move","from":"/missing","path":"/x"}]""")]
    [InlineData("""[{"op":"copy","from":"/list/9","path":"/x"}]""")]
    [InlineData("""[{"op":"frobnicate","path":"/a"}]""")]
    [InlineData("""[{"path":"/a","value":1}]""")]
    [InlineData("""[{"op":"add","value":1}]""")]
    [InlineData("""[null]""")]
    [InlineData("""[{"op":"add","path":"","value":{}}]""")]
    public void Operations_that_cannot_apply_are_unprocessable(string patch)
    {
        var act = () => JsonPatch.Apply(Obj("""{"a":1,"list":[1,2,3]}"""), Json(patch)!);

        act.Should().Throw<ApiException>().Which.Code.Should().Be(422);
    }

    [Fact]
    public void A_failing_operation_leaves_the_document_untouched()
    {
        var document = Obj("""{"spec":{"replicas":1},"list":[1]}""");
        var patch = Json("""
            [{"op":"replace","path":"/spec/replicas","value":5},
             {"op":"add","path":"/list/-","value":2},
             {"op":"test","path":"/spec/replicas","value":1}]
            """)!;

        var act = () => JsonPatch.Apply(document, patch);

        act.Should().Throw<ApiException>();
        document.ShouldBeJson("""{"spec":{"replicas":1},"list":[1]}""");
    }

    [Fact]
    public void A_successful_patch_does_not_modify_its_input()
    {
        var document = Obj("""{"a":{"b":1}}""");

        var result = JsonPatch.Apply(document, Json("""[{"op":"add","path":"/a/c","value":2}]""")!);

        document.ShouldBeJson("""{"a":{"b":1}}""");
        result.ShouldBeJson("""{"a":{"b":1,"c":2}}""");
    }

    [Fact]
    public void Pointer_escapes_address_keys_with_slashes_and_tildes()
    {
        var document = Obj("""{"metadata":{"annotations":{"example.com/mode":"on","a~b":"x"}}}""");
        var patch = Json("""
            [{"op":"replace","path":"/metadata/annotations/example.com~1mode","value":"off"},
             {"op":"remove","path":"/metadata/annotations/a~0b"},
             {"op":"add","path":"/metadata/annotations/c~01","value":"y"}]
            """)!;

        JsonPatch.Apply(document, patch)
            .ShouldBeJson("""{"metadata":{"annotations":{"example.com/mode":"off","c~1":"y"}}}""");
    }

    [Fact]
    public void Dash_appends_and_index_equal_to_length_appends()
    {
        var patch = Json("""[{"op":"add","path":"/l/-","value":"c"},{"op":"add","path":"/l/3","value":"d"},{"op":"add","path":"/l/0","value":"z"}]""")!;

        JsonPatch.Apply(Obj("""{"l":["a","b"]}"""), patch).ShouldBeJson("""{"l":["z","a","b","c","d"]}""");
    }

    [Fact]
    public void Negative_indices_count_from_the_end_as_in_the_apiservers_library()
    {
        var patch = Json("""[{"op":"remove","path":"/l/-1"},{"op":"replace","path":"/l/-2","value":"A"}]""")!;

        JsonPatch.Apply(Obj("""{"l":["a","b","c"]}"""), patch).ShouldBeJson("""{"l":["A","b"]}""");
    }

    [Fact]
    public void Copy_duplicates_a_subtree_without_sharing_it()
    {
        var patch = Json("""[{"op":"copy","from":"/a","path":"/b"},{"op":"replace","path":"/b/x","value":2}]""")!;

        JsonPatch.Apply(Obj("""{"a":{"x":1}}"""), patch).ShouldBeJson("""{"a":{"x":1},"b":{"x":2}}""");
    }

    [Fact]
    public void Replace_of_the_root_swaps_the_document()
    {
        JsonPatch.Apply(Obj("""{"a":1}"""), Json("""[{"op":"replace","path":"","value":{"b":2}}]""")!).ShouldBeJson("""{"b":2}""");
    }

    [Fact]
    public void Replace_of_a_missing_member_adds_it_as_the_apiservers_library_does()
    {
        // evanphx/json-patch v4 only checks the parent for objects (RFC 6902 would fail).
        JsonPatch.Apply(Obj("""{"metadata":{}}"""), Json("""[{"op":"replace","path":"/metadata/labels","value":{"a":"b"}}]""")!)
            .ShouldBeJson("""{"metadata":{"labels":{"a":"b"}}}""");
    }

    [Fact]
    public void Test_compares_structurally_and_numbers_by_their_text()
    {
        var document = Obj("""{"a":{"x":[1,{"y":true}],"z":null}}""");

        JsonPatch.Apply(document, Json("""[{"op":"test","path":"/a","value":{"z":null,"x":[1,{"y":true}]}}]""")!)
            .ShouldBeJson(document.ToJsonString());
        var act = () => JsonPatch.Apply(document, Json("""[{"op":"test","path":"/a/x/0","value":1.0}]""")!);
        act.Should().Throw<ApiException>().Which.Code.Should().Be(422);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"/a","value":1}""", "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp")]
    [InlineData("\"add\"", "error decoding patch: json: cannot unmarshal string into Go value of type []handlers.jsonPatchOp")]
    [InlineData("""["add"]""", "error decoding patch: json: cannot unmarshal string into Go value of type handlers.jsonPatchOp")]
    [InlineData("""[[]]""", "error decoding patch: json: cannot unmarshal array into Go value of type handlers.jsonPatchOp")]
    [InlineData("""[{"op":1,"path":"/a"}]""", "error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string")]
    [InlineData("""[{"op":"add","path":true}]""", "error decoding patch: json: cannot unmarshal bool into Go struct field jsonPatchOp.path of type string")]
    public void Malformed_documents_are_bad_requests(string patch, string message)
    {
        var act = () => JsonPatch.Apply(Obj("{}"), Json(patch)!);

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(400);
        error.Reason.Should().Be("BadRequest");
        error.Message.Should().Be(message);
    }

    [Fact]
    public void More_than_ten_thousand_operations_are_too_large()
    {
        var ops = new JsonArray(Enumerable.Range(0, 10001).Select(_ => (JsonNode?)Obj("""{"op":"test","path":"/a","value":1}""")).ToArray());

        var act = () => JsonPatch.Apply(Obj("""{"a":1}"""), ops);

        var error = act.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(413);
        error.Reason.Should().Be("RequestEntityTooLarge");
        error.Message.Should().Be("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001");
    }
}
