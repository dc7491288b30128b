namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>A type-check or syntax issue at a source offset.</summary>
internal sealed record CelIssue(int Offset, string Message);

/// <summary>
/// The CEL type checker: resolves identifiers, field selections and overloads, assigning a type to
/// every node and reporting what cel-go reports (undeclared references, undefined fields, no
/// matching overloads, mixed-type literals).
/// </summary>
internal sealed class Checker
{
    private static readonly Dictionary<string, CelType> TypeIdentifiers = new(StringComparer.Ordinal)
    {
        ["int"] = CelType.TypeOf(CelType.Int),
        ["uint"] = CelType.TypeOf(CelType.Uint),
        ["double"] = CelType.TypeOf(CelType.Double),
        ["bool"] = CelType.TypeOf(CelType.Bool),
        ["string"] = CelType.TypeOf(CelType.String),
        ["bytes"] = CelType.TypeOf(CelType.Bytes),
        ["null_type"] = CelType.TypeOf(CelType.Null),
        ["list"] = CelType.TypeOf(CelType.ListOf(CelType.Dyn)),
        ["map"] = CelType.TypeOf(CelType.MapOf(CelType.Dyn, CelType.Dyn)),
        ["type"] = CelType.TypeOf(CelType.TypeOf(CelType.Dyn)),
        ["dyn"] = CelType.TypeOf(CelType.Dyn),
        ["google.protobuf.Duration"] = CelType.TypeOf(CelType.Duration),
        ["google.protobuf.Timestamp"] = CelType.TypeOf(CelType.Timestamp),
    };

    private readonly IReadOnlyDictionary<string, CelType> _variables;
    private readonly List<Dictionary<string, CelType>> _scopes = [];
    private readonly List<CelIssue> _issues = [];

    public Checker(IReadOnlyDictionary<string, CelType> variables) => _variables = variables;

    public IReadOnlyList<CelIssue> Issues => _issues;

    /// <summary>Global variables the expression referenced (e.g. whether it uses <c>oldSelf</c>).</summary>
    public HashSet<string> ReferencedVariables { get; } = new(StringComparer.Ordinal);

    public CelType Check(Expr expr)
    {
        expr.Type = CheckNode(expr);
        return expr.Type;
    }

    private CelType CheckNode(Expr expr) => expr switch
    {
        ConstExpr c => ConstType(c.Value),
        IdentExpr i => CheckIdent(i),
        SelectExpr s => CheckSelect(s),
        CallExpr c => CheckCall(c),
        ListExpr l => CheckList(l),
        MapExpr m => CheckMap(m),
        MacroExpr m => CheckMacro(m),
        _ => CelType.Dyn,
    };

    private static CelType ConstType(CelValue value) => value switch
    {
        IntValue => CelType.Int,
        UintValue => CelType.Uint,
        DoubleValue => CelType.Double,
        StringValue => CelType.String,
        BytesValue => CelType.Bytes,
        BoolValue => CelType.Bool,
        _ => CelType.Null,
    };

    private CelType? LookupVariable(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var local))
            {
                return local;
            }
        }

        if (_variables.TryGetValue(name, out var global))
        {
            ReferencedVariables.Add(name);
            return global;
        }

        return null;
    }

    private CelType CheckIdent(IdentExpr ident)
    {
        if (LookupVariable(ident.Name) is { } type)
        {
            return type;
        }

        if (TypeIdentifiers.TryGetValue(ident.Name, out var typeType))
        {
            return typeType;
        }

        _issues.Add(new CelIssue(ident.Offset, $"undeclared reference to '{ident.Name}' (in container '')"));
        return CelType.Dyn;
    }

    private CelType CheckSelect(SelectExpr select)
    {
        var operand = Check(select.Operand);
        var optionalOperand = operand.Kind == CelKind.Optional;
        var target = optionalOperand ? operand.Elem! : operand;
        CelType fieldType;
        switch (target.Kind)
        {
            case CelKind.Object:
                if (target.Fields.TryGetValue(select.Field, out var field))
                {
                    fieldType = field.Type;
                }
                else
                {
                    _issues.Add(new CelIssue(select.Offset, $"undefined field '{select.Field}'"));
                    fieldType = CelType.Dyn;
                }

                break;
            case CelKind.Map:
                fieldType = target.Elem!;
                break;
            case CelKind.Dyn:
            case CelKind.TypeParam:
                fieldType = CelType.Dyn;
                break;
            default:
                _issues.Add(new CelIssue(select.Offset, $"type '{target.Name}' does not support field selection"));
                fieldType = CelType.Dyn;
                break;
        }

        if (select.TestOnly)
        {
            return CelType.Bool;
        }

        return select.Optional || optionalOperand ? CelType.OptionalOf(fieldType) : fieldType;
    }

    private CelType CheckCall(CallExpr call)
    {
        // Qualified function names (optional.of, sets.contains) parse as member calls on an identifier.
        if (call.Target is IdentExpr qualifier && LookupVariable(qualifier.Name) is null &&
            Signatures.IsQualified(qualifier.Name + "." + call.Function))
        {
            call.Function = qualifier.Name + "." + call.Function;
            call.Target = null;
        }

        var argTypes = new List<CelType>();
        if (call.Target is { } target)
        {
            argTypes.Add(Check(target));
        }

        foreach (var arg in call.Args)
        {
            argTypes.Add(Check(arg));
        }

        if (!Signatures.All.TryGetValue(call.Function, out var overloads))
        {
            _issues.Add(new CelIssue(call.Offset, $"undeclared reference to '{call.Function}' (in container '')"));
            return CelType.Dyn;
        }

        var member = call.Target is not null;
        CelType? result = null;
        var matched = false;
        foreach (var overload in overloads)
        {
            if (overload.Member != member || overload.Params.Length != argTypes.Count)
            {
                continue;
            }

            var bindings = new Dictionary<string, CelType>(StringComparer.Ordinal);
            var ok = true;
            for (var i = 0; i < argTypes.Count && ok; i++)
            {
                ok = TypeUnifier.Unify(overload.Params[i], argTypes[i], bindings);
            }

            if (!ok)
            {
                continue;
            }

            var candidate = TypeUnifier.Substitute(overload.Result, bindings);
            result = !matched ? candidate : (TypeUnifier.SameType(result!, candidate) ? result : CelType.Dyn);
            matched = true;
        }

        if (!matched)
        {
            var names = argTypes.Select(t => t.Name).ToList();
            var signature = member ? $"{names[0]}.({string.Join(", ", names.Skip(1))})" : $"({string.Join(", ", names)})";
            _issues.Add(new CelIssue(call.Offset, $"found no matching overload for '{call.Function}' applied to '{signature}'"));
            return CelType.Dyn;
        }

        return result!;
    }

    private CelType CheckList(ListExpr list)
    {
        CelType? elem = null;
        for (var i = 0; i < list.Elements.Count; i++)
        {
            var type = Check(list.Elements[i]);
            if (list.OptionalIndices.Contains(i))
            {
                type = type.Kind == CelKind.Optional ? type.Elem! : type;
            }

            elem = JoinLiteral(elem, type, list.Elements[i].Offset);
        }

        return CelType.ListOf(elem ?? CelType.Dyn);
    }

    private CelType CheckMap(MapExpr map)
    {
        CelType? key = null;
        CelType? value = null;
        foreach (var entry in map.Entries)
        {
            key = JoinLiteral(key, Check(entry.Key), entry.Key.Offset);
            var valueType = Check(entry.Value);
            if (entry.Optional && valueType.Kind == CelKind.Optional)
            {
                valueType = valueType.Elem!;
            }

            value = JoinLiteral(value, valueType, entry.Value.Offset);
        }

        return CelType.MapOf(key ?? CelType.Dyn, value ?? CelType.Dyn);
    }

    /// <summary>Aggregate literals must be homogeneous (the apiserver's <c>HomogeneousAggregateLiterals</c>).</summary>
    private CelType JoinLiteral(CelType? current, CelType next, int offset)
    {
        if (current is null)
        {
            return next;
        }

        if (current.Kind != CelKind.Dyn && next.Kind != CelKind.Dyn && TypeUnifier.Join(current, next) is null)
        {
            _issues.Add(new CelIssue(offset, $"expected type '{current.Name}' but found '{next.Name}'"));
            return current;
        }

        return TypeUnifier.Join(current, next) ?? current;
    }

    private CelType CheckMacro(MacroExpr macro)
    {
        var range = Check(macro.Range);
        CelType variable;
        switch (range.Kind)
        {
            case CelKind.List:
                variable = range.Elem!;
                break;
            case CelKind.Map:
                variable = range.Key!;
                break;
            case CelKind.Dyn:
                variable = CelType.Dyn;
                break;
            default:
                _issues.Add(new CelIssue(macro.Range.Offset, $"expression of type '{range.Name}' cannot be range of a comprehension (must be list, map, or dynamic)"));
                variable = CelType.Dyn;
                break;
        }

        _scopes.Add(new Dictionary<string, CelType>(StringComparer.Ordinal) { [macro.Variable] = variable });
        try
        {
            if (macro.Predicate is { } predicate)
            {
                var type = Check(predicate);
                if (type.Kind is not (CelKind.Bool or CelKind.Dyn))
                {
                    var function = macro.Kind switch
                    {
                        MacroKind.All => "_&&_",
                        MacroKind.Exists => "_||_",
                        _ => "_?_:_",
                    };
                    var applied = function == "_?_:_" ? $"({type.Name}, dyn, dyn)" : $"(bool, {type.Name})";
                    _issues.Add(new CelIssue(predicate.Offset, $"found no matching overload for '{function}' applied to '{applied}'"));
                }
            }

            var transform = macro.Transform is { } t ? Check(t) : null;
            return macro.Kind switch
            {
                MacroKind.Map or MacroKind.MapFilter => CelType.ListOf(transform ?? CelType.Dyn),
                MacroKind.Filter => CelType.ListOf(variable),
                _ => CelType.Bool,
            };
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }
}
