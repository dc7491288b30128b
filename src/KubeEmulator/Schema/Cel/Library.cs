using System.Globalization;
using System.Text;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>
/// Runtime implementations of the named functions in <see cref="Signatures"/>. Arguments arrive
/// evaluated (receiver first for member calls); a mismatch of runtime kinds is <c>no such overload</c>.
/// </summary>
internal static class Library
{
    public static CelValue Call(string function, bool member, CelValue[] args)
    {
        foreach (var arg in args)
        {
            if (arg is ErrorValue)
            {
                return arg;
            }
        }

        return (function, member, args.Length) switch
        {
            ("size", _, 1) => Size(args[0]),
            ("int", false, 1) => ToInt(args[0]),
            ("uint", false, 1) => ToUint(args[0]),
            ("double", false, 1) => ToDouble(args[0]),
            ("string", false, 1) => ToStringValue(args[0]),
            ("bytes", false, 1) => args[0] switch
            {
                BytesValue b => b,
                StringValue s => new BytesValue(Encoding.UTF8.GetBytes(s.Value)),
                _ => ErrorValue.NoSuchOverload,
            },
            ("bool", false, 1) => ToBool(args[0]),
            ("duration", false, 1) => ToDuration(args[0]),
            ("timestamp", false, 1) => ToTimestamp(args[0]),
            ("dyn", false, 1) => args[0],
            ("type", false, 1) => new TypeValue(args[0].TypeName),
            ("matches", _, 2) => Matches(args[0], args[1]),
            ("contains", true, 2) => StringPredicate(args, (s, t) => s.Contains(t, StringComparison.Ordinal)),
            ("startsWith", true, 2) => StringPredicate(args, (s, t) => s.StartsWith(t, StringComparison.Ordinal)),
            ("endsWith", true, 2) => StringPredicate(args, (s, t) => s.EndsWith(t, StringComparison.Ordinal)),
            ("find", true, 2) => Find(args[0], args[1]),
            ("findAll", true, _) => FindAll(args),
            ("isSorted" or "sum" or "min" or "max", true, 1) => ListFunctions.Aggregate(function, args[0]),
            ("indexOf" or "lastIndexOf", true, _) when args[0] is ListValue => ListFunctions.IndexOf(function, args),
            ("sets.contains" or "sets.equivalent" or "sets.intersects", false, 2) => ListFunctions.Sets(function, args[0], args[1]),
            ("optional.of", false, 1) => OptionalValue.Of(args[0]),
            ("optional.ofNonZeroValue", false, 1) => IsZero(args[0]) ? OptionalValue.None : OptionalValue.Of(args[0]),
            ("optional.none", false, 0) => OptionalValue.None,
            ("hasValue", true, 1) => args[0] is OptionalValue o ? BoolValue.Of(o.HasValue) : ErrorValue.NoSuchOverload,
            ("value", true, 1) => args[0] is OptionalValue o ? o.Value ?? new ErrorValue("optional.none() dereference") : ErrorValue.NoSuchOverload,
            ("orValue", true, 2) => args[0] is OptionalValue o ? o.Value ?? args[1] : ErrorValue.NoSuchOverload,
            ("or", true, 2) => args[0] is OptionalValue o && args[1] is OptionalValue ? (o.HasValue ? o : args[1]) : ErrorValue.NoSuchOverload,
            (_, true, _) when args[0] is TimestampValue ts && function.StartsWith("get", StringComparison.Ordinal) =>
                CelTime.TimestampPart(ts, function, args.Length > 1 && args[1] is StringValue zone ? zone.Value : string.Empty),
            (_, true, 1) when args[0] is DurationValue d && function.StartsWith("get", StringComparison.Ordinal) =>
                CelTime.DurationPart(d, function),
            _ => UrlLibrary.Call(function, args) ?? QuantityLibrary.Call(function, args) ?? StringFunctions.Call(function, member, args),
        };
    }

    private static CelValue Size(CelValue v) => v switch
    {
        StringValue s => new IntValue(s.Value.EnumerateRunes().Count()),
        BytesValue b => new IntValue(b.Value.Length),
        ListValue l => new IntValue(l.Items.Count),
        MapValue m => new IntValue(m.Count),
        _ => ErrorValue.NoSuchOverload,
    };

    private static CelValue ToInt(CelValue v)
    {
        switch (v)
        {
            case IntValue:
                return v;
            case UintValue u:
                return u.Value > long.MaxValue ? new ErrorValue("integer overflow") : new IntValue((long)u.Value);
            case DoubleValue d:
                return double.IsNaN(d.Value) || d.Value <= -9.223372036854775808e18 || d.Value >= 9.223372036854775807e18
                    ? new ErrorValue("integer overflow")
                    : new IntValue((long)d.Value);
            case StringValue s:
                return long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? new IntValue(l)
                    : new ErrorValue($"strconv.ParseInt: parsing {GoQuote.Quote(s.Value)}: {(IsDigits(s.Value) ? "value out of range" : "invalid syntax")}");
            case TimestampValue t:
                return new IntValue(t.Seconds);
            case DurationValue d:
                return new IntValue(d.Nanos);
            default:
                return ErrorValue.NoSuchOverload;
        }
    }

    private static CelValue ToUint(CelValue v)
    {
        switch (v)
        {
            case UintValue:
                return v;
            case IntValue i:
                return i.Value < 0 ? new ErrorValue("unsigned integer overflow") : new UintValue((ulong)i.Value);
            case DoubleValue d:
                return double.IsNaN(d.Value) || d.Value < 0 || d.Value >= 1.8446744073709552e19
                    ? new ErrorValue("unsigned integer overflow")
                    : new UintValue((ulong)d.Value);
            case StringValue s:
                return ulong.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                    ? new UintValue(u)
                    : new ErrorValue($"strconv.ParseUint: parsing {GoQuote.Quote(s.Value)}: {(IsDigits(s.Value) ? "value out of range" : "invalid syntax")}");
            default:
                return ErrorValue.NoSuchOverload;
        }
    }

    private static bool IsDigits(string s) => s.TrimStart('-', '+').Length > 0 && s.TrimStart('-', '+').All(char.IsAsciiDigit);

    private static CelValue ToDouble(CelValue v)
    {
        switch (v)
        {
            case DoubleValue:
                return v;
            case IntValue i:
                return new DoubleValue(i.Value);
            case UintValue u:
                return new DoubleValue(u.Value);
            case StringValue s:
                var text = s.Value;
                if (text.Equals("inf", StringComparison.OrdinalIgnoreCase) || text.Equals("+inf", StringComparison.OrdinalIgnoreCase) ||
                    text.Equals("infinity", StringComparison.OrdinalIgnoreCase) || text.Equals("+infinity", StringComparison.OrdinalIgnoreCase))
                {
                    return new DoubleValue(double.PositiveInfinity);
                }

                if (text.Equals("-inf", StringComparison.OrdinalIgnoreCase) || text.Equals("-infinity", StringComparison.OrdinalIgnoreCase))
                {
                    return new DoubleValue(double.NegativeInfinity);
                }

                if (text.Equals("nan", StringComparison.OrdinalIgnoreCase))
                {
                    return new DoubleValue(double.NaN);
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? new DoubleValue(d)
                    : new ErrorValue($"strconv.ParseFloat: parsing {GoQuote.Quote(text)}: invalid syntax");
            default:
                return ErrorValue.NoSuchOverload;
        }
    }

    public static CelValue ToStringValue(CelValue v)
    {
        switch (v)
        {
            case StringValue:
                return v;
            case IntValue i:
                return new StringValue(i.Value.ToString(CultureInfo.InvariantCulture));
            case UintValue u:
                return new StringValue(u.Value.ToString(CultureInfo.InvariantCulture));
            case DoubleValue d:
                return new StringValue(GoFloat.FormatG(d.Value));
            case BoolValue b:
                return new StringValue(b.Value ? "true" : "false");
            case BytesValue b:
                try
                {
                    return new StringValue(new UTF8Encoding(false, true).GetString(b.Value));
                }
                catch (DecoderFallbackException)
                {
                    return new ErrorValue("invalid UTF-8 in bytes, cannot convert to string");
                }

            case TimestampValue t:
                return new StringValue(t.Format());
            case DurationValue d:
                return new StringValue(CelTime.FormatDuration(d.Nanos));
            default:
                return ErrorValue.NoSuchOverload;
        }
    }

    private static CelValue ToBool(CelValue v) => v switch
    {
        BoolValue => v,
        StringValue { Value: "1" or "t" or "T" or "TRUE" or "true" or "True" } => BoolValue.True,
        StringValue { Value: "0" or "f" or "F" or "FALSE" or "false" or "False" } => BoolValue.False,
        StringValue s => new ErrorValue($"strconv.ParseBool: parsing {GoQuote.Quote(s.Value)}: invalid syntax"),
        _ => ErrorValue.NoSuchOverload,
    };

    private static CelValue ToDuration(CelValue v) => v switch
    {
        DurationValue => v,
        StringValue s => GoDuration.TryParse(s.Value, out var nanos, out var error) ? new DurationValue(nanos) : new ErrorValue(error),
        _ => ErrorValue.NoSuchOverload,
    };

    private static CelValue ToTimestamp(CelValue v) => v switch
    {
        TimestampValue => v,
        IntValue i => CelTime.Timestamp(i.Value, 0),
        StringValue s => CelTime.TryParseRfc3339(s.Value, out var ts, out var error) ? CelTime.Timestamp(ts.Seconds, ts.Nanos) : new ErrorValue(error),
        _ => ErrorValue.NoSuchOverload,
    };

    private static CelValue StringPredicate(CelValue[] args, Func<string, string, bool> predicate) =>
        args[0] is StringValue s && args[1] is StringValue t ? BoolValue.Of(predicate(s.Value, t.Value)) : ErrorValue.NoSuchOverload;

    private static CelValue Matches(CelValue text, CelValue pattern)
    {
        if (text is not StringValue s || pattern is not StringValue p)
        {
            return ErrorValue.NoSuchOverload;
        }

        return Re2.TryCompile(p.Value, out var regex, out var error) ? BoolValue.Of(Re2.IsMatch(regex!, s.Value)) : new ErrorValue(error);
    }

    private static CelValue Find(CelValue text, CelValue pattern)
    {
        if (text is not StringValue s || pattern is not StringValue p)
        {
            return ErrorValue.NoSuchOverload;
        }

        if (!Re2.TryCompile(p.Value, out var regex, out var error))
        {
            return new ErrorValue(error);
        }

        return Re2.FindAll(regex!, s.Value, 1) is { } found
            ? new StringValue(found.Count > 0 ? found[0] : string.Empty)
            : new ErrorValue("regular expression evaluation timed out");
    }

    private static CelValue FindAll(CelValue[] args)
    {
        if (args[0] is not StringValue s || args[1] is not StringValue p)
        {
            return ErrorValue.NoSuchOverload;
        }

        var limit = args.Length > 2 && args[2] is IntValue n ? n.Value : -1;
        if (!Re2.TryCompile(p.Value, out var regex, out var error))
        {
            return new ErrorValue(error);
        }

        return Re2.FindAll(regex!, s.Value, limit) is { } found
            ? new ListValue(found.Select(m => (CelValue)new StringValue(m)).ToList())
            : new ErrorValue("regular expression evaluation timed out");
    }

    private static bool IsZero(CelValue v) => v switch
    {
        NullValue => true,
        BoolValue b => !b.Value,
        IntValue i => i.Value == 0,
        UintValue u => u.Value == 0,
        DoubleValue d => d.Value == 0,
        StringValue s => s.Value.Length == 0,
        BytesValue b => b.Value.Length == 0,
        ListValue l => l.Items.Count == 0,
        MapValue m => m.Count == 0,
        DurationValue d => d.Nanos == 0,
        TimestampValue t => t.Seconds == 0 && t.Nanos == 0,
        _ => false,
    };
}
