using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>Field paths as <c>field.Path.String()</c> prints them: <c>spec.items[0]</c>, <c>properties[spec]</c>.</summary>
internal static class FieldPath
{
    /// <summary>What a nil <c>*field.Path</c> prints.</summary>
    public const string Nil = "<nil>";

    public static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Key(string path, string key) => path + "[" + key + "]";

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>A root path as a field error prints it (an empty path is a nil <c>*field.Path</c>).</summary>
    public static string OrNil(string path) => path.Length == 0 ? Nil : path;
}

/// <summary>
/// The <c>field.*</c> error constructors of apimachinery, rendering the bad value as Go does.
/// </summary>
internal static class FieldErrors
{
    public static FieldCause Required(string field, string detail = "") =>
        FieldCause.Required(field, detail.Length == 0 ? null : detail);

    public static FieldCause Invalid(string field, JsonNode? value, string detail) =>
        FieldCause.Invalid(field, GoText.FieldValue(value), detail);

    public static FieldCause Invalid(string field, string value, string detail) =>
        FieldCause.Invalid(field, GoQuote.Quote(value), detail);

    /// <summary>An invalid value whose rendering is already Go text (e.g. <c>%#v</c> of a struct).</summary>
    public static FieldCause InvalidRendered(string field, string renderedValue, string detail) =>
        FieldCause.Invalid(field, renderedValue, detail);

    public static FieldCause NotSupported(string field, JsonNode? value, IEnumerable<string> supported) =>
        FieldCause.NotSupported(field, GoText.FieldValue(value), supported);

    public static FieldCause NotSupported(string field, string value, IEnumerable<string> supported) =>
        FieldCause.NotSupported(field, GoQuote.Quote(value), supported);

    public static FieldCause Forbidden(string field, string detail) => FieldCause.Forbidden(field, detail);

    public static FieldCause TooLong(string field, long max) => FieldCause.TooLong(field, (int)Math.Min(max, int.MaxValue));

    public static FieldCause TooMany(string field, long actual, long max)
    {
        var detail = max >= 0 ? $"must have at most {max.ToString(CultureInfo.InvariantCulture)} items" : "too many items";
        return actual >= 0
            ? new FieldCause("FieldValueTooMany", $"Too many: {actual.ToString(CultureInfo.InvariantCulture)}: {detail}", field)
            : new FieldCause("FieldValueTooMany", $"Too many: {detail}", field);
    }

    public static FieldCause Duplicate(string field, JsonNode? value) =>
        new("FieldValueDuplicate", $"Duplicate value: {GoText.FieldValue(value)}", field);

    public static FieldCause InternalError(string field, string detail) =>
        new("InternalError", $"Internal error: {detail}", field);
}
