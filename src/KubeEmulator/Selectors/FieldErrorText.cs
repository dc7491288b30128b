using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Selectors;

/// <summary>
/// The text of apimachinery's <c>field.Error</c> and of an aggregate of them, as they reach the
/// client inside a 400 message.
/// </summary>
internal static class FieldErrorText
{
    /// <summary><c>field.Invalid(path, value, detail).Error()</c> for a string value.</summary>
    public static string Invalid(string path, string value, string detail) =>
        $"{path}: Invalid value: {GoQuote.Quote(value)}: {detail}";

    /// <summary><c>utilerrors.NewAggregate(errs).Error()</c>: one message alone, several de-duplicated in brackets.</summary>
    public static string Aggregate(IReadOnlyList<string> messages)
    {
        if (messages.Count == 1)
        {
            return messages[0];
        }

        var distinct = messages.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
    }
}
