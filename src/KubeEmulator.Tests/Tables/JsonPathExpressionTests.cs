using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Tables;

namespace SiteMaintenance.Emulator.Tests.Tables;

public sealed class JsonPathExpressionTests
{
    private static readonly JsonObject Document = TableTestSupport.Json("""
        {
          "metadata": { "name": "sm1", "labels": { "app.kubernetes.io/name": "shop", "tier": "web" } },
          "spec": {
            "replicas": 3, "ratio": 1.5, "enabled": true, "nothing": null,
            "hosts": ["a", "b", "c"],
            "nested": { "x": { "name": "deep" } }
          },
          "status": {
            "conditions": [
              { "type": "Ready", "status": "True", "count": 2, "weight": 0.5 },
              { "type": "Synced", "status": "False", "count": 5, "weight": 2.5 }
            ]
          }
        }
        """);

    [Theory]
    [InlineData(".metadata.name", "[\"sm1\"]")]
    [InlineData(".spec.replicas", "[3]")]
    [InlineData(".spec.missing", "[]")]
    [InlineData(".spec.nothing", "[null]")]
    [InlineData(".spec.nothing.deeper", "[]")]
    [InlineData(".spec.replicas.deeper", "[]")]
    [InlineData(".metadata['name']", "[\"sm1\"]")]
    [InlineData(@".metadata.labels.app\.kubernetes\.io/name", "[\"shop\"]")]
    [InlineData(@".metadata.labels['app\.kubernetes\.io/name']", "[\"shop\"]")]
    [InlineData(".metadata.labels['app.kubernetes.io/name']", "[]")]
    [InlineData("$.metadata.name", "[\"sm1\"]")]
    public void Fields(string path, string expected)
    {
        Evaluate(path).Should().Be(expected);
    }

    [Theory]
    [InlineData(".spec.hosts[0]", "[\"a\"]")]
    [InlineData(".spec.hosts[-1]", "[\"c\"]")]
    [InlineData(".spec.hosts[-3]", "[\"a\"]")]
    [InlineData(".spec.hosts[1:]", "[\"b\",\"c\"]")]
    [InlineData(".spec.hosts[:2]", "[\"a\",\"b\"]")]
    [InlineData(".spec.hosts[::2]", "[\"a\",\"c\"]")]
    [InlineData(".spec.hosts[*]", "[\"a\",\"b\",\"c\"]")]
    [InlineData(".spec.hosts[0,2]", "[\"a\",\"c\"]")]
    [InlineData(".spec.hosts[1:1]", "[]")]
    [InlineData(".spec.hosts[3]", "[]")]
    [InlineData(".spec.hosts[-4]", "[]")]
    [InlineData(".spec.nested[0]", "[]")]
    [InlineData(".status.conditions[*].type", "[\"Ready\",\"Synced\"]")]
    public void Indexes_slices_and_unions(string path, string expected)
    {
        Evaluate(path).Should().Be(expected);
    }

    [Theory]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "[\"True\"]")]
    [InlineData(".status.conditions[?(@.type=='Synced')].status", "[\"False\"]")]
    [InlineData(".status.conditions[?(@.type != \"Ready\")].type", "[\"Synced\"]")]
    [InlineData(".status.conditions[?(@.type>\"Ready\")].type", "[\"Synced\"]")]
    [InlineData(".status.conditions[?(@.weight>1)].type", "[\"Synced\"]")]
    [InlineData(".status.conditions[?(@.weight<1.0)].type", "[\"Ready\"]")]
    [InlineData(".status.conditions[?(@.weight<=2.5)].type", "[\"Ready\",\"Synced\"]")]
    [InlineData(".status.conditions[?(@.count==@.count)].type", "[\"Ready\",\"Synced\"]")]
    [InlineData(".status.conditions[?(@.status)].type", "[\"Ready\",\"Synced\"]")]
    [InlineData(".status.conditions[?(@.reason)].type", "[]")]
    [InlineData(".status.conditions[?(@.type==\"Gone\")].status", "[]")]
    [InlineData(".status.conditions[?(@.type=\"Ready\")].status", "[]")]
    public void Filters(string path, string expected)
    {
        Evaluate(path).Should().Be(expected);
    }

    [Fact]
    public void Integer_literals_never_equal_integer_fields_as_upstream_compares_int64_with_float64()
    {
        Evaluate(".status.conditions[?(@.count==2)].type").Should().Be("[]");
        Evaluate(".status.conditions[?(@.count!=2)].type").Should().Be("[\"Ready\",\"Synced\"]");
    }

    [Theory]
    [InlineData(".spec.*", 6)]
    [InlineData("..name", 2)]
    public void Wildcards_and_recursive_descent(string path, int count)
    {
        JsonPathExpression.Evaluate(Document, path).Should().HaveCount(count);
    }

    [Fact]
    public void Recursive_descent_visits_maps_by_key()
    {
        Evaluate("..name").Should().Be("[\"sm1\",\"deep\"]");
    }

    [Fact]
    public void Results_are_the_document_nodes()
    {
        var result = JsonPathExpression.Evaluate(Document, ".spec.nested.x");

        result.Should().ContainSingle().Which.Should().BeSameAs(Document["spec"]!["nested"]!["x"]);
    }

    [Theory]
    [InlineData(".spec.hosts[", "unterminated array")]
    [InlineData(".status.conditions[?(@.type==\"Ready\"", "unterminated filter")]
    [InlineData(".metadata[\"name\"]", "invalid array index \"name\"")]
    [InlineData(".a #", "unrecognized character in action: U+0023 '#'")]
    [InlineData(".a\t", "unrecognized character in action: U+0009")]
    [InlineData("{.a}", "unrecognized character in action: U+007B '{'")]
    [InlineData("....a", "invalid multiple recursive descent")]
    [InlineData(".a[x]", "invalid array index x")]
    [InlineData(".a['b", "unterminated array")]
    [InlineData(".a[?(@.b=='x\")]", "unterminated filter")]
    public void Syntax_errors_throw_argument_exceptions(string path, string message)
    {
        var act = () => JsonPathExpression.Evaluate(Document, path);

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void A_path_that_closes_its_braces_yields_its_first_action_only()
    {
        Evaluate(".metadata.name} and {.spec.replicas").Should().Be("[\"sm1\"]");
    }

    [Theory]
    [InlineData("range .spec.hosts")]
    [InlineData(".spec end")]
    public void Identifiers_inside_one_action_select_nothing(string path)
    {
        JsonPathExpression.Evaluate(Document, path).Should().BeEmpty();
    }

    private static string Evaluate(string path) =>
        new JsonArray([.. JsonPathExpression.Evaluate(Document, path).Select(n => n?.DeepClone())]).ToJsonString();
}
