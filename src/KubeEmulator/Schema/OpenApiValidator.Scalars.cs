using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>String length, pattern and format checks, and number bounds.</summary>
internal static partial class OpenApiValidator
{
    private static void ValidateString(SchemaNode schema, string data, string path, List<OpenApiError> errors)
    {
        var length = data.EnumerateRunes().Count();
        var rendered = GoQuote.Quote(data);
        if (schema.MaxLength is { } max && length > max)
        {
            errors.Add(new OpenApiError(OpenApiErrorCode.TooLong, path, $"{path} in {In} should be at most {max.ToString(CultureInfo.InvariantCulture)} chars long")
            {
                RenderedValue = rendered,
                Limit = max,
            });
            return;
        }

        if (schema.MinLength is { } min && length < min)
        {
            errors.Add(new OpenApiError(OpenApiErrorCode.TooShort, path, $"{path} in {In} should be at least {min.ToString(CultureInfo.InvariantCulture)} chars long")
            {
                RenderedValue = rendered,
                Limit = min,
            });
            return;
        }

        if (schema.Pattern.Length > 0)
        {
            if (schema.PatternRegex is null)
            {
                errors.Add(new OpenApiError(OpenApiErrorCode.Pattern, path, $"{path} in {In} should match '{schema.Pattern}, but pattern is invalid'") { RenderedValue = rendered });
            }
            else if (!Re2.IsMatch(schema.PatternRegex, data))
            {
                errors.Add(new OpenApiError(OpenApiErrorCode.Pattern, path, $"{path} in {In} should match '{schema.Pattern}'") { RenderedValue = rendered });
            }
        }
    }

    private static void ValidateFormat(SchemaNode schema, string data, string path, List<OpenApiError> errors)
    {
        var format = FormatForValidation(schema);
        if (format.Length == 0 || !StringFormats.IsKnown(format))
        {
            return;
        }

        if (!StringFormats.Validates(format, data))
        {
            errors.Add(InvalidType(path, format, data));
        }
    }

    private static void ValidateNumber(SchemaNode schema, JsonNode value, JsonKind kind, string path, List<OpenApiError> errors)
    {
        var isInt = kind == JsonKind.Integer;
        Json.TryGetInteger(value, out var l);
        var d = Json.GetDouble(value);
        var rendered = GoText.FieldValue(value);

        if (schema.MultipleOf is { } factor)
        {
            if (isInt)
            {
                var f = (long)factor;
                if (f < 0)
                {
                    errors.Add(new OpenApiError(OpenApiErrorCode.MultipleOf, path, $"factor MultipleOf declared for {path} must be positive: {f.ToString(CultureInfo.InvariantCulture)}") { RenderedValue = f.ToString(CultureInfo.InvariantCulture) });
                }
                else if (f != 0 && l % f != 0)
                {
                    errors.Add(new OpenApiError(OpenApiErrorCode.MultipleOf, path, $"{path} in {In} should be a multiple of {f.ToString(CultureInfo.InvariantCulture)}") { RenderedValue = rendered });
                }
            }
            else if (factor < 0)
            {
                errors.Add(new OpenApiError(OpenApiErrorCode.MultipleOf, path, $"factor MultipleOf declared for {path} must be positive: {GoFloat.FormatG(factor)}") { RenderedValue = GoFloat.FormatG(factor) });
            }
            else if (factor > 0)
            {
                var mult = factor < 1 ? 1 / factor * d : d / factor;
                if (!IsJsonInteger(mult))
                {
                    errors.Add(new OpenApiError(OpenApiErrorCode.MultipleOf, path, $"{path} in {In} should be a multiple of {GoFloat.FormatG(factor)}") { RenderedValue = rendered });
                }
            }
        }

        if (schema.Minimum is { } minimum)
        {
            var exclusive = schema.ExclusiveMinimum;
            var fails = isInt
                ? (exclusive ? l <= (long)minimum : l < (long)minimum)
                : (exclusive ? d <= minimum : d < minimum);
            if (fails)
            {
                var bound = isInt ? ((long)minimum).ToString(CultureInfo.InvariantCulture) : GoFloat.FormatG(minimum);
                var text = exclusive ? "should be greater than" : "should be greater than or equal to";
                errors.Add(new OpenApiError(OpenApiErrorCode.Minimum, path, $"{path} in {In} {text} {bound}") { RenderedValue = rendered });
            }
        }

        if (schema.Maximum is { } maximum)
        {
            var exclusive = schema.ExclusiveMaximum;
            var fails = isInt
                ? (exclusive ? l >= (long)maximum : l > (long)maximum)
                : (exclusive ? d >= maximum : d > maximum);
            if (fails)
            {
                var bound = isInt ? ((long)maximum).ToString(CultureInfo.InvariantCulture) : GoFloat.FormatG(maximum);
                var text = exclusive ? "should be less than" : "should be less than or equal to";
                errors.Add(new OpenApiError(OpenApiErrorCode.Maximum, path, $"{path} in {In} {text} {bound}") { RenderedValue = rendered });
            }
        }
    }

    /// <summary>go-openapi's <c>swag.IsFloat64AJSONInteger</c>.</summary>
    private static bool IsJsonInteger(double f)
    {
        const double maxJsonFloat = 9007199254740991;
        if (double.IsNaN(f) || double.IsInfinity(f) || f < -maxJsonFloat || f > maxJsonFloat)
        {
            return false;
        }

        var g = Math.Truncate(f);
        if (f == g)
        {
            return true;
        }

        var diff = Math.Abs(f - g);
        return diff / Math.Min(Math.Abs(f) + Math.Abs(g), double.MaxValue) < 1e-9;
    }
}
