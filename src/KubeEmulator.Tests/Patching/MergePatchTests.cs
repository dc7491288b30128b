using SiteMaintenance.Emulator.Patching;
using static SiteMaintenance.Emulator.Tests.Patching.JsonTestExtensions;

namespace SiteMaintenance.Emulator.Tests.Patching;

public sealed class MergePatchTests
{
    // RFC 7386, Appendix A: every example, verbatim.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Rfc7386_appendix_examples(string target, string patch, string expected)
    {
        MergePatch.Apply(Json(target), Json(patch)).ShouldBeJson(expected);
    }

    [Fact]
    public void The_target_is_not_modified()
    {
        var target = Obj("""{"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"list":[1,2]}}""");
        var before = target.ToJsonString();

        var result = MergePatch.Apply(target, Json("""{"metadata":{"labels":{"a":null,"c":"3"}},"spec":{"list":[3]}}"""));

        target.ToJsonString().Should().Be(before);
        result.ShouldBeJson("""{"metadata":{"labels":{"b":"2","c":"3"}},"spec":{"list":[3]}}""");
    }

    [Fact]
    public void The_result_shares_no_nodes_with_the_patch()
    {
        var patch = Obj("""{"spec":{"replicas":3}}""");

        var result = MergePatch.Apply(Obj("{}"), patch)!.AsObject();
        result["spec"]!["replicas"] = 4;

        patch.ShouldBeJson("""{"spec":{"replicas":3}}""");
    }
}
