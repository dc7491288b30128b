using System.Globalization;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>A runtime CEL value. Errors are values too, so they can be absorbed by <c>&amp;&amp;</c> and <c>||</c>.</summary>
internal abstract class CelValue
{
    /// <summary>The CEL type name, as <c>type(x)</c> reports it.</summary>
    public abstract string TypeName { get; }
}

internal sealed class NullValue : CelValue
{
    public static readonly NullValue Instance = new();

    private NullValue()
    {
    }

    public override string TypeName => "null_type";
}

internal sealed class BoolValue : CelValue
{
    public static readonly BoolValue True = new(true);
    public static readonly BoolValue False = new(false);

    private BoolValue(bool value) => Value = value;

    public bool Value { get; }

    public override string TypeName => "bool";

    public static BoolValue Of(bool value) => value ? True : False;
}

internal sealed class IntValue(long value) : CelValue
{
    public long Value { get; } = value;

    public override string TypeName => "int";
}

internal sealed class UintValue(ulong value) : CelValue
{
    public ulong Value { get; } = value;

    public override string TypeName => "uint";
}

internal sealed class DoubleValue(double value) : CelValue
{
    public double Value { get; } = value;

    public override string TypeName => "double";
}

internal sealed class StringValue(string value) : CelValue
{
    public string Value { get; } = value;

    public override string TypeName => "string";
}

internal sealed class BytesValue(byte[] value) : CelValue
{
    public byte[] Value { get; } = value;

    public override string TypeName => "bytes";
}

/// <summary>A duration in nanoseconds (Go's <c>time.Duration</c>).</summary>
internal sealed class DurationValue(long nanos) : CelValue
{
    public long Nanos { get; } = nanos;

    public override string TypeName => "google.protobuf.Duration";
}

/// <summary>A UTC instant with nanosecond precision.</summary>
internal sealed class TimestampValue(long seconds, int nanos) : CelValue
{
    /// <summary>Seconds since the Unix epoch.</summary>
    public long Seconds { get; } = seconds;

    public int Nanos { get; } = nanos;

    public override string TypeName => "google.protobuf.Timestamp";

    /// <summary>RFC 3339 with the fraction trimmed (Go's <c>time.RFC3339Nano</c> in UTC).</summary>
    public string Format()
    {
        var text = DateTimeOffset.FromUnixTimeSeconds(Seconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        if (Nanos != 0)
        {
            text += "." + Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + "Z";
    }
}

/// <summary>A type as a value (<c>type(x)</c>, or an identifier such as <c>int</c>).</summary>
internal sealed class TypeValue(string name) : CelValue
{
    public string Name { get; } = name;

    public override string TypeName => "type";
}

/// <summary>CEL's optional: <c>optional.none()</c> has no value.</summary>
internal sealed class OptionalValue : CelValue
{
    public static readonly OptionalValue None = new(null);

    private OptionalValue(CelValue? value) => Value = value;

    public CelValue? Value { get; }

    public bool HasValue => Value is not null;

    public override string TypeName => "optional_type";

    public static OptionalValue Of(CelValue value) => new(value);
}

/// <summary>An evaluation error, e.g. <c>no such key: foo</c>.</summary>
internal sealed class ErrorValue(string message) : CelValue
{
    public static readonly ErrorValue NoSuchOverload = new("no such overload");

    public string Message { get; } = message;

    public override string TypeName => "error";

    public override string ToString() => Message;
}
