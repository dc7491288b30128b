using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>CEL equality, ordering and arithmetic with cel-go's runtime semantics and errors.</summary>
internal static class Operators
{
    public static CelValue Equal(CelValue a, CelValue b)
    {
        if (a is ErrorValue)
        {
            return a;
        }

        if (b is ErrorValue)
        {
            return b;
        }

        return BoolValue.Of(AreEqual(a, b));
    }

    /// <summary>Heterogeneous equality: numbers compare by value across int, uint and double; other kinds must match.</summary>
    public static bool AreEqual(CelValue a, CelValue b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return CompareNumbers(a, b) == 0;
        }

        return (a, b) switch
        {
            (NullValue, NullValue) => true,
            (BoolValue x, BoolValue y) => x.Value == y.Value,
            (StringValue x, StringValue y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal),
            (BytesValue x, BytesValue y) => x.Value.AsSpan().SequenceEqual(y.Value),
            (DurationValue x, DurationValue y) => x.Nanos == y.Nanos,
            (TimestampValue x, TimestampValue y) => CelTime.Compare(x, y) == 0,
            (TypeValue x, TypeValue y) => string.Equals(x.Name, y.Name, StringComparison.Ordinal),
            (OptionalValue x, OptionalValue y) => x.HasValue ? y.HasValue && AreEqual(x.Value!, y.Value!) : !y.HasValue,
            (ListValue x, ListValue y) => ListsEqual(x, y),
            (MapValue x, MapValue y) => MapsEqual(x, y),
            (ObjectValue x, ObjectValue y) => ObjectsEqual(x, y),
            (QuantityValue x, QuantityValue y) => x.CompareTo(y) == 0,
            (UrlValue x, UrlValue y) => string.Equals(x.Text, y.Text, StringComparison.Ordinal),
            _ => false,
        };
    }

    private static bool ListsEqual(ListValue a, ListValue b)
    {
        if (a.Items.Count != b.Items.Count)
        {
            return false;
        }

        if (a.Unordered || b.Unordered)
        {
            // Sets and map-lists compare as multisets.
            var remaining = b.Items.ToList();
            foreach (var item in a.Items)
            {
                var match = remaining.FindIndex(r => AreEqual(item, r));
                if (match < 0)
                {
                    return false;
                }

                remaining.RemoveAt(match);
            }

            return true;
        }

        for (var i = 0; i < a.Items.Count; i++)
        {
            if (!AreEqual(a.Items[i], b.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(MapValue a, MapValue b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!b.TryGet(a.Keys[i], out var other) || !AreEqual(a.ValueAt(i), other))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsEqual(ObjectValue a, ObjectValue b)
    {
        if (a.Json.Count != b.Json.Count)
        {
            return false;
        }

        foreach (var (key, value) in a.Json)
        {
            if (!b.Json.TryGetPropertyValue(key, out var other))
            {
                return false;
            }

            var field = a.Type.Fields.Values.FirstOrDefault(f => string.Equals(f.JsonName, key, StringComparison.Ordinal));
            var equal = field is null
                ? Json.DeepEquals(value, other)
                : AreEqual(CelJson.ToValue(value, field.Type), CelJson.ToValue(other, field.Type));
            if (!equal)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsNumber(CelValue v) => v is IntValue or UintValue or DoubleValue;

    /// <summary>Orders two values of comparable kinds; null when the kinds cannot be ordered.</summary>
    public static int? Compare(CelValue a, CelValue b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return CompareNumbers(a, b);
        }

        return (a, b) switch
        {
            (StringValue x, StringValue y) => Math.Sign(string.CompareOrdinal(x.Value, y.Value)),
            (BytesValue x, BytesValue y) => Math.Sign(x.Value.AsSpan().SequenceCompareTo(y.Value)),
            (BoolValue x, BoolValue y) => x.Value.CompareTo(y.Value),
            (DurationValue x, DurationValue y) => x.Nanos.CompareTo(y.Nanos),
            (TimestampValue x, TimestampValue y) => CelTime.Compare(x, y),
            _ => null,
        };
    }

    private static int CompareNumbers(CelValue a, CelValue b)
    {
        switch (a, b)
        {
            case (IntValue x, IntValue y):
                return x.Value.CompareTo(y.Value);
            case (UintValue x, UintValue y):
                return x.Value.CompareTo(y.Value);
            case (IntValue x, UintValue y):
                return x.Value < 0 ? -1 : ((ulong)x.Value).CompareTo(y.Value);
            case (UintValue x, IntValue y):
                return y.Value < 0 ? 1 : x.Value.CompareTo((ulong)y.Value);
            default:
                var da = ToDouble(a);
                var db = ToDouble(b);
                return da < db ? -1 : da > db ? 1 : da == db ? 0 : -2;
        }
    }

    private static double ToDouble(CelValue v) => v switch
    {
        IntValue i => i.Value,
        UintValue u => u.Value,
        DoubleValue d => d.Value,
        _ => double.NaN,
    };

    public static CelValue Relation(string op, CelValue a, CelValue b)
    {
        if (a is ErrorValue)
        {
            return a;
        }

        if (b is ErrorValue)
        {
            return b;
        }

        if (Compare(a, b) is not { } c)
        {
            return ErrorValue.NoSuchOverload;
        }

        if (c == -2)
        {
            return BoolValue.False; // NaN compares false
        }

        return BoolValue.Of(op switch
        {
            "_<_" => c < 0,
            "_<=_" => c <= 0,
            "_>_" => c > 0,
            _ => c >= 0,
        });
    }

    public static CelValue Add(CelValue a, CelValue b)
    {
        try
        {
            return (a, b) switch
            {
                (IntValue x, IntValue y) => new IntValue(checked(x.Value + y.Value)),
                (UintValue x, UintValue y) => new UintValue(checked(x.Value + y.Value)),
                (DoubleValue x, DoubleValue y) => new DoubleValue(x.Value + y.Value),
                (StringValue x, StringValue y) => new StringValue(x.Value + y.Value),
                (BytesValue x, BytesValue y) => new BytesValue([.. x.Value, .. y.Value]),
                (ListValue x, ListValue y) => new ListValue([.. x.Items, .. y.Items]),
                (DurationValue x, DurationValue y) => new DurationValue(checked(x.Nanos + y.Nanos)),
                (TimestampValue x, DurationValue y) => CelTime.Add(x, y.Nanos),
                (DurationValue x, TimestampValue y) => CelTime.Add(y, x.Nanos),
                _ => ErrorValue.NoSuchOverload,
            };
        }
        catch (OverflowException)
        {
            return Overflow(a);
        }
    }

    public static CelValue Subtract(CelValue a, CelValue b)
    {
        try
        {
            return (a, b) switch
            {
                (IntValue x, IntValue y) => new IntValue(checked(x.Value - y.Value)),
                (UintValue x, UintValue y) => new UintValue(checked(x.Value - y.Value)),
                (DoubleValue x, DoubleValue y) => new DoubleValue(x.Value - y.Value),
                (DurationValue x, DurationValue y) => new DurationValue(checked(x.Nanos - y.Nanos)),
                (TimestampValue x, TimestampValue y) => CelTime.Difference(x, y),
                (TimestampValue x, DurationValue y) => y.Nanos == long.MinValue ? new ErrorValue("timestamp out of range") : CelTime.Add(x, -y.Nanos),
                _ => ErrorValue.NoSuchOverload,
            };
        }
        catch (OverflowException)
        {
            return Overflow(a);
        }
    }

    public static CelValue Multiply(CelValue a, CelValue b)
    {
        try
        {
            return (a, b) switch
            {
                (IntValue x, IntValue y) => new IntValue(checked(x.Value * y.Value)),
                (UintValue x, UintValue y) => new UintValue(checked(x.Value * y.Value)),
                (DoubleValue x, DoubleValue y) => new DoubleValue(x.Value * y.Value),
                _ => ErrorValue.NoSuchOverload,
            };
        }
        catch (OverflowException)
        {
            return Overflow(a);
        }
    }

    public static CelValue Divide(CelValue a, CelValue b) => (a, b) switch
    {
        (IntValue, IntValue { Value: 0 }) or (UintValue, UintValue { Value: 0 }) => new ErrorValue("division by zero"),
        (IntValue { Value: long.MinValue }, IntValue { Value: -1 }) => new ErrorValue("integer overflow"),
        (IntValue x, IntValue y) => new IntValue(x.Value / y.Value),
        (UintValue x, UintValue y) => new UintValue(x.Value / y.Value),
        (DoubleValue x, DoubleValue y) => new DoubleValue(x.Value / y.Value),
        _ => ErrorValue.NoSuchOverload,
    };

    public static CelValue Modulo(CelValue a, CelValue b) => (a, b) switch
    {
        (IntValue, IntValue { Value: 0 }) or (UintValue, UintValue { Value: 0 }) => new ErrorValue("modulus by zero"),
        (IntValue { Value: long.MinValue }, IntValue { Value: -1 }) => new ErrorValue("integer overflow"),
        (IntValue x, IntValue y) => new IntValue(x.Value % y.Value),
        (UintValue x, UintValue y) => new UintValue(x.Value % y.Value),
        _ => ErrorValue.NoSuchOverload,
    };

    public static CelValue Negate(CelValue a) => a switch
    {
        IntValue { Value: long.MinValue } => new ErrorValue("integer overflow"),
        IntValue x => new IntValue(-x.Value),
        DoubleValue x => new DoubleValue(-x.Value),
        _ => ErrorValue.NoSuchOverload,
    };

    private static ErrorValue Overflow(CelValue a) =>
        new(a is UintValue ? "unsigned integer overflow" : "integer overflow");

    public static CelValue Index(CelValue container, CelValue index)
    {
        switch (container)
        {
            case ListValue list:
                if (ListIndex(index) is not { } i)
                {
                    return new ErrorValue($"unsupported index type '{index.TypeName}' in list");
                }

                return i < 0 || i >= list.Items.Count
                    ? new ErrorValue($"index out of bounds: {i}")
                    : list.Items[(int)i];
            case MapValue map:
                return map.TryGet(index, out var value) ? value : new ErrorValue($"no such key: {Describe(index)}");
            case ObjectValue obj when index is StringValue s:
                return obj.Get(s.Value);
            default:
                return ErrorValue.NoSuchOverload;
        }
    }

    public static long? ListIndex(CelValue index) => index switch
    {
        IntValue i => i.Value,
        UintValue u when u.Value <= long.MaxValue => (long)u.Value,
        DoubleValue d when d.Value == Math.Floor(d.Value) && Math.Abs(d.Value) < 9.2e18 => (long)d.Value,
        _ => null,
    };

    public static CelValue In(CelValue element, CelValue container)
    {
        switch (container)
        {
            case ListValue list:
                CelValue? error = null;
                foreach (var item in list.Items)
                {
                    if (item is ErrorValue)
                    {
                        error ??= item;
                        continue;
                    }

                    if (AreEqual(element, item))
                    {
                        return BoolValue.True;
                    }
                }

                return error ?? BoolValue.False;
            case MapValue map:
                return BoolValue.Of(map.TryGet(element, out _));
            default:
                return ErrorValue.NoSuchOverload;
        }
    }

    /// <summary>A value as cel-go prints it inside error messages.</summary>
    public static string Describe(CelValue v) => v switch
    {
        StringValue s => s.Value,
        IntValue i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        UintValue u => u.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DoubleValue d => GoFloat.FormatG(d.Value),
        BoolValue b => b.Value ? "true" : "false",
        _ => v.TypeName,
    };
}
