using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// Renders values the way the Go apiserver prints them in error messages: <c>%v</c> of floats,
/// <c>%#v</c> of unstructured maps and slices, and the bad-value rendering of <c>field.Error</c>
/// (strings through <see cref="GoQuote"/>).
/// </summary>
internal static class GoText
{
    /// <summary>Go's <c>%v</c> of a float64 (shortest digits, exponent form below 1e-4 and from 1e6).</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-Inf";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0" : "0";
        }

        var (digits, exponent, negative) = Decompose(d);

        // %v is %g with the shortest precision, which switches to exponent form when exp < -4 || exp >= 6.
        var exp = exponent - 1;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (exp < -4 || exp >= 6)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(exp < 0 ? '-' : '+');
            var absExp = Math.Abs(exp);
            sb.Append(absExp < 10 ? "0" + absExp.ToString(CultureInfo.InvariantCulture) : absExp.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        AppendPlain(sb, digits, exponent);
        return sb.ToString();
    }

    /// <summary>How Go's encoding/json writes a float64.</summary>
    public static string JsonFloat(double d)
    {
        if (d == 0)
        {
            return "0";
        }

        var (digits, exponent, negative) = Decompose(d);
        var abs = Math.Abs(d);
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (abs < 1e-6 || abs >= 1e21)
        {
            var exp = exponent - 1;
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        AppendPlain(sb, digits, exponent);
        return sb.ToString();
    }

    private static void AppendPlain(StringBuilder sb, string digits, int exponent)
    {
        if (exponent <= 0)
        {
            sb.Append("0.").Append('0', -exponent).Append(digits);
        }
        else if (exponent >= digits.Length)
        {
            sb.Append(digits).Append('0', exponent - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, exponent).Append('.').Append(digits, exponent, digits.Length - exponent);
        }
    }

    /// <summary>Shortest round-trip digits and the decimal exponent (value = 0.digits × 10^exponent).</summary>
    private static (string Digits, int Exponent, bool Negative) Decompose(double d)
    {
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);

        // Normalise the shortest form into digits + exponent.
        var mantissa = shortest;
        var exp = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exp = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        string fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var all = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - all.Length;
        var exponent = intPart.Length + exp - leadingZeros;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            all = "0";
        }

        return (all, exponent, d < 0);
    }

    /// <summary>The bad value of a <c>field.Error</c> as <c>ErrorBody</c> prints it.</summary>
    public static string FieldValue(JsonNode? value) => Json.KindOf(value) switch
    {
        JsonKind.Null => "\"null\"",
        JsonKind.String => GoQuote.Quote(Json.GetString(value!)),
        JsonKind.Boolean => Json.GetBoolean(value!) ? "true" : "false",
        JsonKind.Integer => IntegerText(value),
        JsonKind.Number => Float(Json.GetDouble(value!)),
        _ => SharpV(value),
    };

    private static string IntegerText(JsonNode? value)
    {
        Json.TryGetInteger(value, out var l);
        return l.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Go's <c>%#v</c> of an unstructured value.</summary>
    public static string SharpV(JsonNode? value) => Json.KindOf(value) switch
    {
        JsonKind.Null => "interface {}(nil)",
        JsonKind.String => GoQuote.Quote(Json.GetString(value!)),
        JsonKind.Boolean => Json.GetBoolean(value!) ? "true" : "false",
        JsonKind.Integer => IntegerText(value),
        JsonKind.Number => Float(Json.GetDouble(value!)),
        JsonKind.Array => "[]interface {}{" + string.Join(", ", ((JsonArray)value!).Select(SharpV)) + "}",
        _ => "map[string]interface {}{" + string.Join(", ", ((JsonObject)value!).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => GoQuote.Quote(p.Key) + ":" + SharpV(p.Value))) + "}",
    };

    /// <summary>Go's <c>%v</c> of an unstructured value (used for enum lists in kube-openapi messages).</summary>
    public static string PlainV(JsonNode? value) => Json.KindOf(value) switch
    {
        JsonKind.Null => "<nil>",
        JsonKind.String => Json.GetString(value!),
        JsonKind.Boolean => Json.GetBoolean(value!) ? "true" : "false",
        JsonKind.Integer => IntegerText(value),
        JsonKind.Number => Float(Json.GetDouble(value!)),
        JsonKind.Array => "[" + string.Join(" ", ((JsonArray)value!).Select(PlainV)) + "]",
        _ => "map[" + string.Join(" ", ((JsonObject)value!).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + PlainV(p.Value))) + "]",
    };
}
