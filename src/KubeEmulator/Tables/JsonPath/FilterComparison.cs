using System.Text.Json;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Tables.JsonPath;

/// <summary>
/// jsonpath's <c>evalOperator</c> over text/template's comparison functions. Comparing values of
/// different kinds is not an error but a failed comparison, except <c>!=</c>, which then holds.
/// Upstream turns integer literals into float64 first, while JSON integers decode as int64, so
/// <c>[?(@.count==3)]</c> never matches an integer field (it does match <c>3.0</c>-style floats).
/// </summary>
internal static class FilterComparison
{
    private enum Outcome
    {
        False,
        True,
        BadType,
        Incompatible,
    }

    /// <summary>Returns null for an unknown operator (an evaluation error upstream).</summary>
    public static bool? Evaluate(string op, PathItem left, PathItem right)
    {
        var result = op switch
        {
            "<" => Less(left, right),
            ">" => Greater(left, right),
            "==" => Equal(left, right),
            "!=" => NotEqual(left, right),
            "<=" => LessEqual(left, right),
            ">=" => GreaterEqual(left, right),
            _ => (Outcome?)null,
        };
        return result is null ? null : result == Outcome.True;
    }

    private static Outcome Equal(PathItem left, PathItem right)
    {
        var (lk, rk) = (BasicKind(left), BasicKind(right));
        if (lk is null || rk is null)
        {
            return Outcome.BadType;
        }

        if (lk != rk)
        {
            return Outcome.Incompatible;
        }

        var equal = lk switch
        {
            GoKind.Bool => AsBool(left) == AsBool(right),
            GoKind.Float => AsFloat(left) == AsFloat(right),
            GoKind.Int => AsInt(left) == AsInt(right),
            _ => string.Equals(AsString(left), AsString(right), StringComparison.Ordinal),
        };
        return equal ? Outcome.True : Outcome.False;
    }

    // template.NotEqual returns !equal together with the error, and evalOperator ignores that error.
    private static Outcome NotEqual(PathItem left, PathItem right) =>
        Equal(left, right) == Outcome.True ? Outcome.False : Outcome.True;

    private static Outcome Less(PathItem left, PathItem right)
    {
        var (lk, rk) = (BasicKind(left), BasicKind(right));
        if (lk is null || rk is null)
        {
            return Outcome.BadType;
        }

        if (lk != rk)
        {
            return Outcome.Incompatible;
        }

        var less = lk switch
        {
            GoKind.Bool => (bool?)null,
            GoKind.Float => AsFloat(left) < AsFloat(right),
            GoKind.Int => AsInt(left) < AsInt(right),
            _ => string.CompareOrdinal(AsString(left), AsString(right)) < 0,
        };
        return less switch
        {
            null => Outcome.BadType,
            true => Outcome.True,
            false => Outcome.False,
        };
    }

    private static Outcome LessEqual(PathItem left, PathItem right)
    {
        var less = Less(left, right);
        return less == Outcome.False ? Equal(left, right) : less;
    }

    private static Outcome Greater(PathItem left, PathItem right)
    {
        var lessOrEqual = LessEqual(left, right);
        return lessOrEqual switch
        {
            Outcome.True => Outcome.False,
            Outcome.False => Outcome.True,
            _ => lessOrEqual,
        };
    }

    private static Outcome GreaterEqual(PathItem left, PathItem right)
    {
        var less = Less(left, right);
        return less switch
        {
            Outcome.True => Outcome.False,
            Outcome.False => Outcome.True,
            _ => less,
        };
    }

    // text/template's basicKind, after evalOperator's int-literal-to-float64 conversion.
    private static GoKind? BasicKind(PathItem item) => item.Literal is long ? GoKind.Float : item.Kind switch
    {
        GoKind.Bool or GoKind.Int or GoKind.Float or GoKind.String => item.Kind,
        _ => null,
    };

    private static bool AsBool(PathItem item) => item.Literal is bool b ? b : item.Node!.GetValueKind() == JsonValueKind.True;

    private static long AsInt(PathItem item) => GoJson.TryGetInt64(item.Node, out var value) ? value : 0;

    private static double AsFloat(PathItem item) => item.Literal switch
    {
        long l => l,
        double d => d,
        _ => GoJson.TryGetDouble(item.Node, out var value) ? value : 0,
    };

    private static string AsString(PathItem item) => item.Literal as string ?? item.Node!.GetValue<string>();
}
