using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Tests.TestSupport;

namespace SiteMaintenance.Operator.Tests.Api;

/// <summary>
/// Keeps the CRD's schema and the C# wire types in step, both ways: every JSON property of the
/// types is in the schema with a matching type, and every schema property is in the types; enums
/// match the allowed-value constants; defaults match <see cref="SpecDefaults"/>; required fields
/// are exactly the non-nullable properties.
/// </summary>
public sealed class CrdSchemaDriftTests
{
    private static readonly JsonSerializerOptions Options = OperatorJsonContext.Default.Options;

    // Enum-like properties of Kubernetes' own types, which cannot carry OneOfAttribute.
    private static readonly Dictionary<(Type Type, string Property), Type> ExternalEnums = new()
    {
        [(typeof(V1LabelSelectorRequirement), "operator")] = typeof(LabelSelectorOperators),
        [(typeof(V1Condition), "status")] = typeof(ConditionStatuses),
    };

    // Object properties defaulted to {} so that their own properties' defaults apply.
    private static readonly string[] EmptyObjectDefaults = ["spec.drain"];

    [Fact]
    public void Wire_types_and_schema_have_the_same_fields_types_enums_defaults_and_required_fields()
    {
        var walk = new SchemaWalk();
        walk.Object("", typeof(V1Alpha1SiteMaintenance), Manifests.Schema);

        walk.Mismatches.Should().BeEmpty();
        walk.EmptyObjectDefaultsSeen.Should().BeEquivalentTo(EmptyObjectDefaults);
        walk.Visited.Should().Contain(["spec.sessions.podSelector.matchExpressions[].operator", "status.conditions[].status"]);
    }

    [Fact]
    public void The_walk_reports_a_field_missing_from_the_schema()
    {
        var schema = Manifests.Schema;
        schema["properties"]!["spec"]!["properties"]!.AsObject().Remove("force");
        var walk = new SchemaWalk();

        walk.Object("", typeof(V1Alpha1SiteMaintenance), schema);

        walk.Mismatches.Should().ContainSingle().Which.Should().Contain("spec.force");
    }

    [Fact]
    public void The_walk_reports_an_enum_value_the_constants_lack()
    {
        var schema = Manifests.Schema;
        schema["properties"]!["spec"]!["properties"]!["mode"]!["enum"]!.AsArray().Add("Maintenance");
        var walk = new SchemaWalk();

        walk.Object("", typeof(V1Alpha1SiteMaintenance), schema);

        walk.Mismatches.Should().ContainSingle().Which.Should().Contain("spec.mode");
    }

    [Fact]
    public void Every_allowed_values_class_lists_all_its_constants_in_All()
    {
        foreach (var type in typeof(SiteModes).Assembly.GetTypes().Where(t => t.Namespace == typeof(SiteModes).Namespace
                     && t is { IsAbstract: true, IsSealed: true } && t.GetProperty("All") is not null))
        {
            var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => (string)f.GetRawConstantValue()!);
            AllValues(type).Should().BeEquivalentTo(constants, $"{type.Name}.All lists every constant");
        }
    }

    private static IReadOnlyList<string> AllValues(Type valuesType) =>
        (IReadOnlyList<string>)valuesType.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private sealed class SchemaWalk
    {
        public List<string> Mismatches { get; } = [];

        public List<string> EmptyObjectDefaultsSeen { get; } = [];

        public List<string> Visited { get; } = [];

        public void Object(string path, Type type, JsonNode? schema)
        {
            if (schema is not JsonObject node)
            {
                Mismatches.Add($"{Display(path)}: no schema for {type.Name}");
                return;
            }

            type = Nullable.GetUnderlyingType(type) ?? type;
            var info = Options.GetTypeInfo(type);
            var schemaType = (string?)node["type"];
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object when type == typeof(V1ObjectMeta):
                    Expect(path, schemaType, "object");
                    break;
                case JsonTypeInfoKind.Object:
                    Expect(path, schemaType, "object");
                    Properties(path, info, node);
                    break;
                case JsonTypeInfoKind.Enumerable:
                    Expect(path, schemaType, "array");
                    Object(path + "[]", info.ElementType!, node["items"]);
                    break;
                case JsonTypeInfoKind.Dictionary:
                    Expect(path, schemaType, "object");
                    if (info.KeyType != typeof(string))
                    {
                        Mismatches.Add($"{Display(path)}: map keys are {info.KeyType}, not strings");
                    }

                    Object(path + "{}", info.ElementType!, node["additionalProperties"]);
                    break;
                default:
                    Scalar(path, type, schemaType, (string?)node["format"]);
                    break;
            }
        }

        private void Properties(string path, JsonTypeInfo info, JsonObject node)
        {
            var schemaProperties = node["properties"] as JsonObject ?? [];
            var names = info.Properties.Select(p => p.Name).ToHashSet();
            foreach (var missing in schemaProperties.Select(p => p.Key).Where(k => !names.Contains(k)))
            {
                Mismatches.Add($"{Display(Join(path, missing))}: in the schema but not in {info.Type.Name}");
            }

            foreach (var property in info.Properties)
            {
                var childPath = Join(path, property.Name);
                Visited.Add(childPath);
                if (schemaProperties[property.Name] is not JsonObject child)
                {
                    Mismatches.Add($"{Display(childPath)}: in {info.Type.Name} but not in the schema");
                    continue;
                }

                var member = MemberOf(info.Type, property);
                Object(childPath, property.PropertyType, child);
                Enum(childPath, info.Type, property, member, child);
                Default(childPath, member, child);
            }

            // Required-ness is ours to check on our own types; Kubernetes' types are annotated loosely.
            if (info.Type.Assembly == typeof(V1Alpha1SiteMaintenance).Assembly)
            {
                Required(path, info, node);
            }
        }

        private void Required(string path, JsonTypeInfo info, JsonObject node)
        {
            var required = node["required"]?.AsArray().Select(n => (string)n!).ToHashSet() ?? [];
            var nonNullable = info.Properties
                .Where(p => !(path.Length == 0 && p.Name is "apiVersion" or "kind" or "metadata"))
                .Where(p => !IsNullable(MemberOf(info.Type, p)))
                .Select(p => p.Name)
                .ToHashSet();
            if (!required.SetEquals(nonNullable))
            {
                Mismatches.Add($"{Display(path)}: schema requires [{string.Join(", ", required.Order())}] but "
                    + $"{info.Type.Name}'s non-nullable properties are [{string.Join(", ", nonNullable.Order())}]");
            }
        }

        private void Enum(string path, Type declaringType, JsonPropertyInfo property, PropertyInfo member, JsonObject node)
        {
            var schemaEnum = node["enum"]?.AsArray().Select(n => (string)n!).ToList();
            var valuesType = member.GetCustomAttribute<OneOfAttribute>()?.ValuesType
                ?? ExternalEnums.GetValueOrDefault((declaringType, property.Name));
            if (schemaEnum is null && valuesType is null)
            {
                return;
            }

            if (schemaEnum is null || valuesType is null)
            {
                Mismatches.Add($"{Display(path)}: schema enum [{string.Join(", ", schemaEnum ?? [])}] but allowed values {valuesType?.Name ?? "none"}");
            }
            else if (!AllValues(valuesType).SequenceEqual(schemaEnum) || property.PropertyType != typeof(string))
            {
                Mismatches.Add($"{Display(path)}: schema enum [{string.Join(", ", schemaEnum)}] but {valuesType.Name}.All is "
                    + $"[{string.Join(", ", AllValues(valuesType))}] on a {property.PropertyType.Name}");
            }
        }

        private void Default(string path, PropertyInfo member, JsonObject node)
        {
            var schemaDefault = node["default"];
            var attribute = member.GetCustomAttribute<DefaultValueAttribute>();
            if (schemaDefault is JsonObject emptyObject)
            {
                EmptyObjectDefaultsSeen.Add(path);
                if (emptyObject.Count != 0 || attribute is not null)
                {
                    Mismatches.Add($"{Display(path)}: an object's default must be {{}} and have no DefaultValue");
                }

                return;
            }

            var expected = attribute is null ? null : JsonSerializer.SerializeToNode(attribute.Value);
            if (!JsonNode.DeepEquals(schemaDefault, expected))
            {
                Mismatches.Add($"{Display(path)}: schema default {schemaDefault?.ToJsonString() ?? "none"} but DefaultValue {expected?.ToJsonString() ?? "none"}");
            }
        }

        private void Scalar(string path, Type type, string? schemaType, string? format)
        {
            (string Type, string? Format) expected = type switch
            {
                _ when type == typeof(string) => ("string", null),
                _ when type == typeof(bool) => ("boolean", null),
                _ when type == typeof(int) => ("integer", "int32"),
                _ when type == typeof(long) => ("integer", "int64"),
                _ when type == typeof(DateTime) => ("string", "date-time"),
                _ => ($"(no mapping for {type.Name})", null),
            };
            if (expected != (schemaType, format))
            {
                Mismatches.Add($"{Display(path)}: {type.Name} wants type {expected.Type} format {expected.Format ?? "none"}, "
                    + $"schema has {schemaType ?? "none"} format {format ?? "none"}");
            }
        }

        private void Expect(string path, string? actual, string expected)
        {
            if (actual != expected)
            {
                Mismatches.Add($"{Display(path)}: schema type {actual ?? "none"}, expected {expected}");
            }
        }

        private static PropertyInfo MemberOf(Type declaringType, JsonPropertyInfo property) =>
            property.AttributeProvider as PropertyInfo
            ?? declaringType.GetProperties().Single(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == property.Name);

        private static bool IsNullable(PropertyInfo member) =>
            member.PropertyType.IsValueType
                ? Nullable.GetUnderlyingType(member.PropertyType) is not null
                : new NullabilityInfoContext().Create(member).ReadState is not NullabilityState.NotNull;

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static string Display(string path) => path.Length == 0 ? "(root)" : path;
    }
}
