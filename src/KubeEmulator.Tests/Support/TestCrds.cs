using k8s.Models;

namespace SiteMaintenance.Emulator.Tests.Support;

/// <summary>CustomResourceDefinitions used across the tests.</summary>
internal static class TestCrds
{
    public const string Group = "example.com";
    public const string Version = "v1";
    public const string Plural = "widgets";

    /// <summary>A namespaced Widget with a status subresource, printer columns, defaults and a CEL rule.</summary>
    public static V1CustomResourceDefinition Widget() => new()
    {
        ApiVersion = "apiextensions.k8s.io/v1",
        Kind = "CustomResourceDefinition",
        Metadata = new V1ObjectMeta { Name = $"{Plural}.{Group}" },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = Group,
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames { Plural = Plural, Singular = "widget", Kind = "Widget", ShortNames = ["wd"] },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = Version,
                    Served = true,
                    Storage = true,
                    Subresources = new V1CustomResourceSubresources { Status = new object() },
                    AdditionalPrinterColumns =
                    [
                        new V1CustomResourceColumnDefinition { Name = "Size", Type = "integer", JsonPath = ".spec.size" },
                        new V1CustomResourceColumnDefinition { Name = "Phase", Type = "string", JsonPath = ".status.phase" },
                        new V1CustomResourceColumnDefinition { Name = "Age", Type = "date", JsonPath = ".metadata.creationTimestamp" },
                    ],
                    Schema = new V1CustomResourceValidation
                    {
                        OpenAPIV3Schema = new V1JSONSchemaProps
                        {
                            Type = "object",
                            Properties = new Dictionary<string, V1JSONSchemaProps>
                            {
                                ["spec"] = new()
                                {
                                    Type = "object",
                                    Properties = new Dictionary<string, V1JSONSchemaProps>
                                    {
                                        ["size"] = new() { Type = "integer", Minimum = 0, DefaultProperty = 1 },
                                        ["color"] = new() { Type = "string", EnumProperty = ["red", "green", "blue"] },
                                        ["labels"] = new() { Type = "object", AdditionalProperties = new V1JSONSchemaProps { Type = "string" } },
                                    },
                                },
                                ["status"] = new()
                                {
                                    Type = "object",
                                    Properties = new Dictionary<string, V1JSONSchemaProps>
                                    {
                                        ["phase"] = new() { Type = "string" },
                                        ["observedGeneration"] = new() { Type = "integer", Format = "int64" },
                                    },
                                },
                            },
                        },
                    },
                },
            ],
        },
    };
}
