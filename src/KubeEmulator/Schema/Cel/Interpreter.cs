namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>
/// Evaluates checked CEL expressions. Errors are values: <c>&amp;&amp;</c>, <c>||</c>, <c>all</c> and
/// <c>exists</c> absorb them when the other side decides the result, as cel-go does.
/// </summary>
internal sealed class Interpreter
{
    /// <summary>The error cel-go reports when an evaluation exceeds its cost limit.</summary>
    public const string CostLimitExceeded = "operation cancelled: actual cost limit exceeded";

    private const long StepLimit = 1_000_000;

    private readonly IReadOnlyDictionary<string, CelValue> _variables;
    private readonly List<(string Name, CelValue Value)> _locals = [];
    private long _steps;

    public Interpreter(IReadOnlyDictionary<string, CelValue> variables) => _variables = variables;

    public CelValue Evaluate(Expr expr)
    {
        if (++_steps > StepLimit)
        {
            return new ErrorValue(CostLimitExceeded);
        }

        return expr switch
        {
            ConstExpr c => c.Value,
            IdentExpr i => Ident(i),
            SelectExpr s => Select(s),
            CallExpr c => Call(c),
            ListExpr l => List(l),
            MapExpr m => Map(m),
            MacroExpr m => Macro(m),
            _ => ErrorValue.NoSuchOverload,
        };
    }

    private CelValue Ident(IdentExpr ident)
    {
        for (var i = _locals.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_locals[i].Name, ident.Name, StringComparison.Ordinal))
            {
                return _locals[i].Value;
            }
        }

        if (_variables.TryGetValue(ident.Name, out var value))
        {
            return value;
        }

        // Type identifiers (int, list, null_type, ...) are type values named like the runtime types.
        return ident.Type.Kind == CelKind.Type ? new TypeValue(ident.Name) : new ErrorValue($"no such attribute: {ident.Name}");
    }

    private CelValue Select(SelectExpr select)
    {
        var operand = Evaluate(select.Operand);
        if (operand is ErrorValue)
        {
            return operand;
        }

        if (operand is OptionalValue optional)
        {
            if (!optional.HasValue)
            {
                return OptionalValue.None;
            }

            var inner = optional.Value!;
            return Has(inner, select.Field) is BoolValue { Value: true } ? OptionalValue.Of(Field(inner, select.Field)) : OptionalValue.None;
        }

        if (select.TestOnly)
        {
            return Has(operand, select.Field);
        }

        if (select.Optional)
        {
            return Has(operand, select.Field) switch
            {
                BoolValue { Value: true } => OptionalValue.Of(Field(operand, select.Field)),
                BoolValue => OptionalValue.None,
                var error => error,
            };
        }

        return Field(operand, select.Field);
    }

    private static CelValue Has(CelValue operand, string field) => operand switch
    {
        ObjectValue obj => BoolValue.Of(obj.Has(field)),
        MapValue map => BoolValue.Of(map.TryGet(new StringValue(field), out _)),
        _ => ErrorValue.NoSuchOverload,
    };

    private static CelValue Field(CelValue operand, string field) => operand switch
    {
        ObjectValue obj => obj.Get(field),
        MapValue map => map.TryGet(new StringValue(field), out var value) ? value : new ErrorValue($"no such key: {field}"),
        _ => ErrorValue.NoSuchOverload,
    };

    private CelValue Call(CallExpr call)
    {
        switch (call.Function)
        {
            case "_&&_":
                return Logical(call, isAnd: true);
            case "_||_":
                return Logical(call, isAnd: false);
            case "_?_:_":
                return Evaluate(call.Args[0]) switch
                {
                    BoolValue { Value: true } => Evaluate(call.Args[1]),
                    BoolValue => Evaluate(call.Args[2]),
                    ErrorValue e => e,
                    _ => ErrorValue.NoSuchOverload,
                };
        }

        var args = new CelValue[call.Args.Count + (call.Target is null ? 0 : 1)];
        var n = 0;
        if (call.Target is { } target)
        {
            args[n++] = Evaluate(target);
        }

        foreach (var arg in call.Args)
        {
            args[n++] = Evaluate(arg);
        }

        switch (call.Function)
        {
            case "_==_":
                return Operators.Equal(args[0], args[1]);
            case "_!=_":
                return Operators.Equal(args[0], args[1]) is BoolValue b ? BoolValue.Of(!b.Value) : Operators.Equal(args[0], args[1]);
        }

        foreach (var arg in args)
        {
            if (arg is ErrorValue)
            {
                return arg;
            }
        }

        return call.Function switch
        {
            "!_" => args[0] is BoolValue b ? BoolValue.Of(!b.Value) : ErrorValue.NoSuchOverload,
            "-_" => Operators.Negate(args[0]),
            "_<_" or "_<=_" or "_>_" or "_>=_" => Operators.Relation(call.Function, args[0], args[1]),
            "_+_" => Operators.Add(args[0], args[1]),
            "_-_" => Operators.Subtract(args[0], args[1]),
            "_*_" => Operators.Multiply(args[0], args[1]),
            "_/_" => Operators.Divide(args[0], args[1]),
            "_%_" => Operators.Modulo(args[0], args[1]),
            "_[_]" => Operators.Index(args[0], args[1]),
            "_[?_]" => OptionalIndex(args[0], args[1]),
            "@in" => Operators.In(args[0], args[1]),
            _ => Library.Call(call.Function, call.Target is not null, args),
        };
    }

    /// <summary>
    /// <c>&amp;&amp;</c>/<c>||</c> are commutative over errors: a decisive operand (false for
    /// <c>&amp;&amp;</c>, true for <c>||</c>) wins even when the other side is an error.
    /// </summary>
    private CelValue Logical(CallExpr call, bool isAnd)
    {
        var left = Evaluate(call.Args[0]);
        if (left is BoolValue lb && lb.Value != isAnd)
        {
            return lb;
        }

        var right = Evaluate(call.Args[1]);
        if (right is BoolValue rb && rb.Value != isAnd)
        {
            return rb;
        }

        if (left is ErrorValue)
        {
            return left;
        }

        if (right is ErrorValue)
        {
            return right;
        }

        return left is BoolValue && right is BoolValue ? BoolValue.Of(isAnd) : ErrorValue.NoSuchOverload;
    }

    private static CelValue OptionalIndex(CelValue container, CelValue index)
    {
        switch (container)
        {
            case ListValue list when Operators.ListIndex(index) is { } i:
                return i >= 0 && i < list.Items.Count ? OptionalValue.Of(list.Items[(int)i]) : OptionalValue.None;
            case MapValue map:
                return map.TryGet(index, out var value) ? OptionalValue.Of(value) : OptionalValue.None;
            case OptionalValue { HasValue: false }:
                return OptionalValue.None;
            case OptionalValue optional:
                return OptionalIndex(optional.Value!, index);
            default:
                return ErrorValue.NoSuchOverload;
        }
    }

    private CelValue List(ListExpr list)
    {
        var items = new List<CelValue>(list.Elements.Count);
        for (var i = 0; i < list.Elements.Count; i++)
        {
            var value = Evaluate(list.Elements[i]);
            if (value is ErrorValue)
            {
                return value;
            }

            if (list.OptionalIndices.Contains(i))
            {
                if (value is not OptionalValue optional)
                {
                    return ErrorValue.NoSuchOverload;
                }

                if (optional.HasValue)
                {
                    items.Add(optional.Value!);
                }

                continue;
            }

            items.Add(value);
        }

        return new ListValue(items);
    }

    private CelValue Map(MapExpr map)
    {
        var result = new MapValue();
        foreach (var entry in map.Entries)
        {
            var key = Evaluate(entry.Key);
            if (key is ErrorValue)
            {
                return key;
            }

            var value = Evaluate(entry.Value);
            if (value is ErrorValue)
            {
                return value;
            }

            if (entry.Optional)
            {
                if (value is not OptionalValue optional)
                {
                    return ErrorValue.NoSuchOverload;
                }

                if (!optional.HasValue)
                {
                    continue;
                }

                value = optional.Value!;
            }

            if (MapValue.KeyIdentity(key) is null)
            {
                return new ErrorValue($"unsupported key type: {key.TypeName}");
            }

            if (!result.TryAdd(key, value))
            {
                return new ErrorValue("Failed with repeated key");
            }
        }

        return result;
    }

    private CelValue Macro(MacroExpr macro)
    {
        var range = Evaluate(macro.Range);
        IReadOnlyList<CelValue> items;
        switch (range)
        {
            case ErrorValue:
                return range;
            case ListValue list:
                items = list.Items;
                break;
            case MapValue map:
                items = map.Keys;
                break;
            default:
                return ErrorValue.NoSuchOverload;
        }

        CelValue? firstError = null;
        var count = 0;
        var results = new List<CelValue>();
        foreach (var item in items)
        {
            _locals.Add((macro.Variable, item));
            try
            {
                switch (macro.Kind)
                {
                    case MacroKind.All:
                    case MacroKind.Exists:
                        var decisive = macro.Kind == MacroKind.Exists;
                        switch (Evaluate(macro.Predicate!))
                        {
                            case BoolValue b when b.Value == decisive:
                                return b;
                            case BoolValue:
                                break;
                            case ErrorValue e:
                                firstError ??= e;
                                break;
                            default:
                                firstError ??= ErrorValue.NoSuchOverload;
                                break;
                        }

                        break;
                    case MacroKind.ExistsOne:
                        switch (Evaluate(macro.Predicate!))
                        {
                            case BoolValue b:
                                count += b.Value ? 1 : 0;
                                break;
                            case ErrorValue e:
                                return e;
                            default:
                                return ErrorValue.NoSuchOverload;
                        }

                        break;
                    case MacroKind.Map:
                    case MacroKind.MapFilter:
                    case MacroKind.Filter:
                        if (macro.Predicate is { } predicate)
                        {
                            var keep = Evaluate(predicate);
                            if (keep is not BoolValue kb)
                            {
                                return keep as ErrorValue ?? ErrorValue.NoSuchOverload;
                            }

                            if (!kb.Value)
                            {
                                break;
                            }
                        }

                        var produced = macro.Kind == MacroKind.Filter ? item : Evaluate(macro.Transform!);
                        if (produced is ErrorValue)
                        {
                            return produced;
                        }

                        results.Add(produced);
                        break;
                }
            }
            finally
            {
                _locals.RemoveAt(_locals.Count - 1);
            }
        }

        return macro.Kind switch
        {
            MacroKind.All => firstError ?? BoolValue.True,
            MacroKind.Exists => firstError ?? BoolValue.False,
            MacroKind.ExistsOne => BoolValue.Of(count == 1),
            _ => new ListValue(results),
        };
    }
}
