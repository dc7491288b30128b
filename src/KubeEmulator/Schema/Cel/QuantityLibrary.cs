using System.Globalization;
using System.Numerics;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>A Kubernetes <c>resource.Quantity</c>, held exactly as mantissa × 10^exponent.</summary>
internal sealed class QuantityValue(BigInteger mantissa, int exponent) : CelValue
{
    public BigInteger Mantissa { get; } = mantissa;

    public int Exponent { get; } = exponent;

    public override string TypeName => "kubernetes.Quantity";

    public int CompareTo(QuantityValue other)
    {
        var (a, b) = Align(this, other);
        return a.CompareTo(b);
    }

    public QuantityValue Add(QuantityValue other, int sign)
    {
        var (a, b) = Align(this, other);
        return new QuantityValue(a + (sign * b), Math.Min(Exponent, other.Exponent));
    }

    public bool IsInteger => Exponent >= 0 || Mantissa % BigInteger.Pow(10, -Exponent) == 0;

    public BigInteger IntegerValue => Exponent >= 0 ? Mantissa * BigInteger.Pow(10, Exponent) : Mantissa / BigInteger.Pow(10, -Exponent);

    public double ApproximateFloat => (double)Mantissa * Math.Pow(10, Exponent);

    private static (BigInteger A, BigInteger B) Align(QuantityValue x, QuantityValue y)
    {
        var e = Math.Min(x.Exponent, y.Exponent);
        return (x.Mantissa * BigInteger.Pow(10, x.Exponent - e), y.Mantissa * BigInteger.Pow(10, y.Exponent - e));
    }
}

/// <summary>Kubernetes' CEL quantity library (<c>quantity()</c>, comparisons, arithmetic, conversions).</summary>
internal static class QuantityLibrary
{
    private const string FormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    public static CelValue? Call(string function, CelValue[] args) => (function, args) switch
    {
        ("quantity", [StringValue s]) => TryParse(s.Value, out var q, out var error) ? q! : new ErrorValue(error),
        ("isQuantity", [StringValue s]) => BoolValue.Of(TryParse(s.Value, out _, out _)),
        ("sign", [QuantityValue q]) => new IntValue(q.Mantissa.Sign),
        ("isInteger", [QuantityValue q]) => BoolValue.Of(q.IsInteger),
        ("asInteger", [QuantityValue q]) => !q.IsInteger
            ? new ErrorValue("cannot convert value to integer")
            : q.IntegerValue < long.MinValue || q.IntegerValue > long.MaxValue ? new ErrorValue("cannot convert value to integer") : new IntValue((long)q.IntegerValue),
        ("asApproximateFloat", [QuantityValue q]) => new DoubleValue(q.ApproximateFloat),
        ("add", [QuantityValue q, QuantityValue o]) => q.Add(o, 1),
        ("add", [QuantityValue q, IntValue i]) => q.Add(new QuantityValue(i.Value, 0), 1),
        ("sub", [QuantityValue q, QuantityValue o]) => q.Add(o, -1),
        ("sub", [QuantityValue q, IntValue i]) => q.Add(new QuantityValue(i.Value, 0), -1),
        ("isLessThan", [QuantityValue q, QuantityValue o]) => BoolValue.Of(q.CompareTo(o) < 0),
        ("isGreaterThan", [QuantityValue q, QuantityValue o]) => BoolValue.Of(q.CompareTo(o) > 0),
        ("compareTo", [QuantityValue q, QuantityValue o]) => new IntValue(q.CompareTo(o)),
        _ => null,
    };

    /// <summary><c>resource.ParseQuantity</c>: a signed decimal number and a binary-SI, decimal-SI or exponent suffix.</summary>
    internal static bool TryParse(string text, out QuantityValue? quantity, out string error)
    {
        quantity = null;
        error = FormatError;
        var s = text;
        if (s.Length == 0)
        {
            error = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
            return false;
        }

        var i = 0;
        var negative = false;
        if (s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        var digits = new System.Text.StringBuilder();
        var scale = 0;
        var seenDot = false;
        var start = i;
        for (; i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'); i++)
        {
            if (s[i] == '.')
            {
                if (seenDot)
                {
                    error = "unable to parse numeric part of quantity";
                    return false;
                }

                seenDot = true;
                continue;
            }

            digits.Append(s[i]);
            if (seenDot)
            {
                scale--;
            }
        }

        if (i == start || digits.Length == 0)
        {
            return false;
        }

        var suffix = s[i..];
        var mantissa = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        if (negative)
        {
            mantissa = -mantissa;
        }

        switch (suffix)
        {
            case "":
                break;
            case "Ki" or "Mi" or "Gi" or "Ti" or "Pi" or "Ei":
                var power = "KMGTPE".IndexOf(suffix[0], StringComparison.Ordinal) + 1;
                mantissa *= BigInteger.Pow(1024, power);
                break;
            case "n":
                scale -= 9;
                break;
            case "u":
                scale -= 6;
                break;
            case "m":
                scale -= 3;
                break;
            case "k":
                scale += 3;
                break;
            case "M":
                scale += 6;
                break;
            case "G":
                scale += 9;
                break;
            case "T":
                scale += 12;
                break;
            case "P":
                scale += 15;
                break;
            case "E":
                scale += 18;
                break;
            default:
                if (suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) &&
                    suffix[1..].Length > 0 && suffix[1..].TrimStart('+', '-').All(char.IsAsciiDigit))
                {
                    scale += exponent;
                    break;
                }

                error = suffix.All(c => "eEinumkKMGTP+-0123456789".Contains(c, StringComparison.Ordinal)) ? "unable to parse quantity's suffix" : FormatError;
                return false;
        }

        quantity = new QuantityValue(mantissa, scale);
        return true;
    }
}
