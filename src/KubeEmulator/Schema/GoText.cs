using System.Globalization;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// Renders values the way the Go apiserver prints them in error messages: <c>%#v</c> of
/// unstructured values and the bad-value rendering of <c>field.Error</c> (strings through
/// <see cref="GoQuote"/>, floats through <see cref="GoFloat"/>; <c>%v</c> is
/// <see cref="GoJson.FormatV"/>).
/// </summary>
internal static class GoText
{
    /// <summary>The bad value of a <c>field.Error</c> as <c>ErrorBody</c> prints it.</summary>
    public static string FieldValue(JsonNode? value) => Json.KindOf(value) switch
    {
        JsonKind.Null => "\"null\"",
        JsonKind.String => GoQuote.Quote(Json.GetString(value!)),
        JsonKind.Boolean => Json.GetBoolean(value!) ? "true" : "false",
        JsonKind.Integer => IntegerText(value),
        JsonKind.Number => GoFloat.FormatG(Json.GetDouble(value!)),
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
        JsonKind.Number => GoFloat.FormatG(Json.GetDouble(value!)),
        JsonKind.Array => "[]interface {}{" + string.Join(", ", ((JsonArray)value!).Select(SharpV)) + "}",
        _ => "map[string]interface {}{" + string.Join(", ", ((JsonObject)value!).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => GoQuote.Quote(p.Key) + ":" + SharpV(p.Value))) + "}",
    };
}
