using System.Globalization;
using System.Text;

namespace SiteMaintenance.Emulator.Go;

/// <summary>
/// Go's float formatting: <c>strconv.FormatFloat(f, 'g', -1, 64)</c> (what <c>fmt.Print</c>
/// writes) and the <c>encoding/json</c> float form.
/// </summary>
internal static class GoFloat
{
    /// <summary><c>fmt.Sprint(f)</c>: shortest digits, exponent form below 1e-4 and from 1e6 (e.g. <c>1e+06</c>).</summary>
    public static string FormatG(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }

        var (digits, point) = ShortestDigits(Math.Abs(value));
        var exponent = point - 1;
        var body = exponent < -4 || exponent >= 6 ? Exponential(digits, exponent) : Fixed(digits, point);
        return Sign(value) + body;
    }

    /// <summary><c>json.Marshal(f)</c>: plain decimals, exponent form below 1e-6 and from 1e21 (<c>1e-7</c>, <c>1e+21</c>).</summary>
    public static string FormatJson(double value)
    {
        var abs = Math.Abs(value);
        var (digits, point) = ShortestDigits(abs);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var text = Exponential(digits, point - 1);
            // encoding/json cleans "e-07" up to "e-7".
            var n = text.Length;
            if (n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0')
            {
                text = text[..(n - 2)] + text[n - 1];
            }

            return Sign(value) + text;
        }

        return Sign(value) + Fixed(digits, point);
    }

    private static string Sign(double value) => double.IsNegative(value) ? "-" : string.Empty;

    // The shortest round-trip digits and the decimal point position: value = 0.digits × 10^point.
    private static (string Digits, int Point) ShortestDigits(double abs)
    {
        if (abs == 0)
        {
            return ("0", 1);
        }

        var text = abs.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integral = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? string.Empty : text[(dot + 1)..];
        var digits = integral + fraction;
        var point = integral.Length + exponent;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, point - lead);
    }

    // strconv's %e with the shortest digits: d.ddde±XX (at least two exponent digits).
    private static string Exponential(string digits, int exponent)
    {
        var sb = new StringBuilder().Append(digits[0]);
        if (digits.Length > 1)
        {
            sb.Append('.').Append(digits, 1, digits.Length - 1);
        }

        var abs = Math.Abs(exponent);
        sb.Append('e').Append(exponent < 0 ? '-' : '+');
        if (abs < 10)
        {
            sb.Append('0');
        }

        return sb.Append(abs.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    // strconv's %f with just enough decimals for the shortest digits.
    private static string Fixed(string digits, int point)
    {
        var sb = new StringBuilder();
        if (point <= 0)
        {
            sb.Append('0');
        }
        else
        {
            for (var i = 0; i < point; i++)
            {
                sb.Append(i < digits.Length ? digits[i] : '0');
            }
        }

        var decimals = Math.Max(digits.Length - point, 0);
        if (decimals > 0)
        {
            sb.Append('.');
            for (var i = 0; i < decimals; i++)
            {
                var index = point + i;
                sb.Append(index >= 0 && index < digits.Length ? digits[index] : '0');
            }
        }

        return sb.ToString();
    }
}
