using System.Runtime.CompilerServices;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>One compiled <c>x-kubernetes-validations</c> rule; <see cref="Program"/> is null when empty or invalid.</summary>
internal sealed record CompiledRule(ValidationRule Rule)
{
    public CompiledExpression? Program { get; init; }

    /// <summary>Why the rule does not compile (the detail of the CRD's field error).</summary>
    public string? Error { get; init; }

    public CompiledExpression? MessageExpression { get; init; }

    public string? MessageExpressionError { get; init; }

    /// <summary>A transition rule: it references <c>oldSelf</c> and runs only when an old value exists.</summary>
    public bool UsesOldSelf { get; init; }

    /// <summary>The rule's <c>fieldPath</c> normalised to a field path (empty when none).</summary>
    public string NormalizedFieldPath { get; init; } = string.Empty;
}

/// <summary>The compiled rules of one schema node, or why none could be compiled.</summary>
internal sealed record CompiledRules(IReadOnlyList<CompiledRule> Rules, string? SetupError, CelType? SelfType)
{
    public static readonly CompiledRules None = new([], null, null);
}

/// <summary>Compiles the <c>x-kubernetes-validations</c> of a schema node (the apiserver's <c>cel.Compile</c>).</summary>
internal static class RuleCompiler
{
    public const string SelfName = "self";
    public const string OldSelfName = "oldSelf";

    public static CompiledRules Compile(SchemaNode node, bool isResourceRoot)
    {
        if (node.Validations.Count == 0)
        {
            return CompiledRules.None;
        }

        if (SchemaTypes.DeclType(node, isResourceRoot) is not { } selfType)
        {
            var preserve = node.PreserveUnknownFields ? "true" : "false";
            return new CompiledRules([], $"rule declared on schema that does not support validation rules type: '{node.Type}' x-kubernetes-preserve-unknown-fields: '{preserve}'", null);
        }

        var rules = node.Validations.Select(rule => CompileRule(rule, node, selfType)).ToList();
        return new CompiledRules(rules, null, selfType);
    }

    private static CompiledRule CompileRule(ValidationRule rule, SchemaNode node, CelType selfType)
    {
        var result = new CompiledRule(rule);
        if (rule.FieldPath.Length > 0 && RuleFieldPath.TryNormalize(rule.FieldPath, node, out var normalized, out _))
        {
            result = result with { NormalizedFieldPath = normalized };
        }

        if (rule.Rule.Trim().Length == 0)
        {
            return result;
        }

        var optionalOldSelf = rule.OptionalOldSelf == true;
        var variables = new Dictionary<string, CelType>(StringComparer.Ordinal)
        {
            [SelfName] = selfType,
            [OldSelfName] = optionalOldSelf ? CelType.OptionalOf(selfType) : selfType,
        };

        CompiledExpression program;
        try
        {
            program = CelCompiler.Compile(rule.Rule, variables);
        }
        catch (CelCompileException e)
        {
            return result with { Error = "compilation failed: " + e.Message };
        }

        if (program.Type.Kind != CelKind.Bool)
        {
            return result with { Error = "cel expression must evaluate to a bool" };
        }

        if (InvalidConstantPattern(program.Ast) is { } regexError)
        {
            return result with { Error = "program instantiation failed: " + regexError };
        }

        result = result with { Program = program, UsesOldSelf = program.ReferencedVariables.Contains(OldSelfName) };
        if (rule.MessageExpression.Trim().Length == 0)
        {
            return result;
        }

        try
        {
            var message = CelCompiler.Compile(rule.MessageExpression, variables);
            return message.Type.Kind == CelKind.String
                ? result with { MessageExpression = message }
                : result with { MessageExpressionError = "messageExpression must evaluate to a string" };
        }
        catch (CelCompileException e)
        {
            return result with { MessageExpressionError = "messageExpression compilation failed: " + e.Message };
        }
    }

    /// <summary>Constant regular expressions are compiled when the program is built; a bad one fails there.</summary>
    private static string? InvalidConstantPattern(Expr expr)
    {
        switch (expr)
        {
            case CallExpr call:
                var patternArg = call.Target is null
                    ? (call.Args.Count > 1 ? call.Args[1] : null)
                    : (call.Args.Count > 0 ? call.Args[0] : null);
                if (call.Function is "matches" or "find" or "findAll" &&
                    patternArg is ConstExpr { Value: StringValue pattern } &&
                    !Re2.TryCompile(pattern.Value, out _, out var error))
                {
                    return error;
                }

                if (call.Target is { } target && InvalidConstantPattern(target) is { } inTarget)
                {
                    return inTarget;
                }

                return call.Args.Select(InvalidConstantPattern).FirstOrDefault(e => e is not null);
            case SelectExpr select:
                return InvalidConstantPattern(select.Operand);
            case ListExpr list:
                return list.Elements.Select(InvalidConstantPattern).FirstOrDefault(e => e is not null);
            case MapExpr map:
                return map.Entries.SelectMany(e => new[] { e.Key, e.Value }).Select(InvalidConstantPattern).FirstOrDefault(e => e is not null);
            case MacroExpr macro:
                return new[] { macro.Range, macro.Predicate, macro.Transform }.OfType<Expr>().Select(InvalidConstantPattern).FirstOrDefault(e => e is not null);
            default:
                return null;
        }
    }
}

/// <summary>Compiled rules per schema node, computed once per schema.</summary>
internal sealed class RuleCache
{
    private readonly ConditionalWeakTable<SchemaNode, CompiledRules> _resourceRoots = [];
    private readonly ConditionalWeakTable<SchemaNode, CompiledRules> _values = [];

    /// <summary>The rules of a node; at a resource root <c>self</c> also exposes apiVersion, kind and metadata.</summary>
    public CompiledRules Get(SchemaNode node, bool isResourceRoot) =>
        (isResourceRoot ? _resourceRoots : _values).GetValue(node, n => RuleCompiler.Compile(n, isResourceRoot));
}
