using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteMaintenance.Operator.Api;

/// <summary>
/// Reads any RFC 3339 timestamp and writes metav1.Time's form: UTC, whole seconds,
/// <c>2006-01-02T15:04:05Z</c>. A <see cref="DateTimeKind.Unspecified"/> value is taken as UTC,
/// never as local time. Writing drops sub-second digits as the API server's own types do, so a
/// value read back compares equal only if it was whole seconds to begin with.
/// </summary>
internal sealed class Rfc3339DateTimeConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && DateTime.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var value))
        {
            return value;
        }

        throw new JsonException($"Expected an RFC 3339 timestamp, got {reader.TokenType} '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
    }
}
