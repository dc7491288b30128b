using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Schema;
using SiteMaintenance.Emulator.Schema.Cel;

namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>Compiles and evaluates CEL expressions, optionally with <c>self</c> typed by a schema.</summary>
internal static class CelHarness
{
    /// <summary>Evaluates an expression; <c>self</c> is the JSON value typed by the schema when one is given.</summary>
    public static object? Eval(string expression, string? selfSchema = null, string? selfJson = null)
    {
        var (variables, values) = Self(selfSchema, selfJson);
        var compiled = CelCompiler.Compile(expression, variables);
        return Plain(compiled.Evaluate(values));
    }

    /// <summary>The compile error text, or null when the expression compiles.</summary>
    public static string? CompileError(string expression, string? selfSchema = null)
    {
        var (variables, _) = Self(selfSchema, null);
        try
        {
            CelCompiler.Compile(expression, variables);
            return null;
        }
        catch (CelCompileException e)
        {
            return e.Message;
        }
    }

    /// <summary>The static type name the checker infers.</summary>
    public static string TypeOf(string expression, string? selfSchema = null)
    {
        var (variables, _) = Self(selfSchema, null);
        return CelCompiler.Compile(expression, variables).Type.Name;
    }

    private static (Dictionary<string, CelType> Variables, Dictionary<string, CelValue> Values) Self(string? selfSchema, string? selfJson)
    {
        var variables = new Dictionary<string, CelType>(StringComparer.Ordinal);
        var values = new Dictionary<string, CelValue>(StringComparer.Ordinal);
        if (selfSchema is not null)
        {
            var parser = new SchemaParser();
            var node = parser.Parse(JsonNode.Parse(selfSchema)!.AsObject(), "schema");
            var type = SchemaTypes.DeclType(node, isResourceRoot: false)!;
            variables["self"] = type;
            values["self"] = CelJson.ToValue(selfJson is null ? null : JsonNode.Parse(selfJson), type);
        }

        return (variables, values);
    }

    /// <summary>A CEL value as a plain .NET value for assertions (errors become "error: message").</summary>
    private static object? Plain(CelValue value) => value switch
    {
        NullValue => null,
        BoolValue b => b.Value,
        IntValue i => i.Value,
        UintValue u => u.Value,
        DoubleValue d => d.Value,
        StringValue s => s.Value,
        BytesValue b => b.Value,
        ListValue l => l.Items.Select(Plain).ToList(),
        DurationValue d => "duration:" + GoDuration.Format(d.Nanos),
        TimestampValue t => "timestamp:" + t.Format(),
        TypeValue t => "type:" + t.Name,
        OptionalValue o => o.HasValue ? "optional:" + Plain(o.Value!) : "optional.none",
        ErrorValue e => "error: " + e.Message,
        _ => value.TypeName,
    };
}
