using System.Text.Json.Nodes;
using SiteMaintenance.Packaging.Tests.Support;

namespace SiteMaintenance.Packaging.Tests.Helm;

/// <summary>The small JSON Schema validator behind the chart's values check.</summary>
public sealed class JsonSchemaValidatorTests
{
    private static readonly JsonSchemaValidator Validator = new(JsonNode.Parse("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "additionalProperties": false,
          "required": ["name"],
          "properties": {
            "name": { "type": "string", "minLength": 2, "maxLength": 5, "pattern": "^[a-z]+$" },
            "count": { "type": ["integer", "null"], "minimum": 1, "maximum": 3 },
            "budget": { "type": ["integer", "string"], "minimum": 0, "pattern": "^[0-9]+%$" },
            "mode": { "enum": ["a", "b"] },
            "tags": { "type": "array", "items": { "type": "string" } },
            "labels": { "type": "object", "additionalProperties": { "type": "string" } },
            "limits": { "$ref": "#/definitions/limits" }
          },
          "definitions": { "limits": { "type": "object", "additionalProperties": false, "properties": { "cpu": { "type": "string" } } } }
        }
        """)!.AsObject());

    [Fact]
    public void A_valid_document_has_no_errors() =>
        Validator.Validate(JsonNode.Parse("""{"name":"ab","count":null,"budget":"50%","mode":"b","tags":["x"],"labels":{"k":"v"},"limits":{"cpu":"1"}}""")).Should().BeEmpty();

    [Theory]
    [InlineData("""{}""", "$: name is required")]
    [InlineData("""{"name":"ab","extra":1}""", "$: unknown property extra")]
    [InlineData("""{"name":5}""", "$.name: is integer, not string")]
    [InlineData("""{"name":"a"}""", "$.name: shorter than 2")]
    [InlineData("""{"name":"abcdef"}""", "$.name: longer than 5")]
    [InlineData("""{"name":"AB"}""", "$.name: \"AB\" does not match ^[a-z]+$")]
    [InlineData("""{"name":"ab","count":0}""", "$.count: 0 is less than 1")]
    [InlineData("""{"name":"ab","count":4}""", "$.count: 4 is more than 3")]
    [InlineData("""{"name":"ab","count":1.5}""", "$.count: is number, not integer or null")]
    [InlineData("""{"name":"ab","budget":"half"}""", "$.budget: \"half\" does not match ^[0-9]+%$")]
    [InlineData("""{"name":"ab","budget":-1}""", "$.budget: -1 is less than 0")]
    [InlineData("""{"name":"ab","mode":"c"}""", "$.mode: \"c\" is not one of [\"a\",\"b\"]")]
    [InlineData("""{"name":"ab","tags":["x",1]}""", "$.tags[1]: is integer, not string")]
    [InlineData("""{"name":"ab","labels":{"k":true}}""", "$.labels.k: is boolean, not string")]
    [InlineData("""{"name":"ab","limits":{"memory":"1Gi"}}""", "$.limits: unknown property memory")]
    public void Each_keyword_reports_its_violation(string json, string error) =>
        Validator.Validate(JsonNode.Parse(json)).Should().Equal(error);

    [Fact]
    public void A_keyword_it_does_not_check_is_an_error_not_a_pass() =>
        FluentActions.Invoking(() => new JsonSchemaValidator(JsonNode.Parse("""{"type":"object","oneOf":[]}""")!.AsObject()).Validate(new JsonObject()))
            .Should().Throw<NotSupportedException>().WithMessage("*oneOf*");
}
