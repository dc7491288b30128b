namespace SiteMaintenance.Operator.Api;

/// <summary>
/// Marks a string property whose schema is an enum. The property stays a plain string on the wire
/// (an unknown value must never break deserialization); <paramref name="valuesType"/> is the
/// static class whose constants are the allowed values, in the order the schema lists them.
/// </summary>
/// <param name="valuesType">A static class with <c>const string</c> fields and an <c>All</c> list.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class OneOfAttribute(Type valuesType) : Attribute
{
    /// <summary>The static class that lists the allowed values.</summary>
    public Type ValuesType { get; } = valuesType;
}
