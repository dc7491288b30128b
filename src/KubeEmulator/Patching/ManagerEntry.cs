using System.Globalization;
using System.Text;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// One <c>metadata.managedFields</c> entry in decoded form: who wrote (manager, operation,
/// subresource), at which API version and time, and the fields it owns.
/// </summary>
internal sealed record ManagerEntry(string Manager, string Operation, string ApiVersion, string? Time, string? Subresource, FieldSet Fields)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    public bool IsApply => Operation == ApplyOperation;

    /// <summary>
    /// The key the apiserver files managers under (<c>BuildManagerIdentifier</c>): the entry as
    /// JSON without fields and time, and for appliers without the API version.
    /// </summary>
    public string Identity => IdentityOf(Manager, Operation, IsApply ? null : ApiVersion, Subresource);

    public static string IdentityOf(string manager, string operation, string? apiVersion, string? subresource)
    {
        var builder = new StringBuilder("{");
        var first = true;
        Add("manager", manager);
        Add("operation", operation);
        Add("apiVersion", apiVersion);
        Add("subresource", subresource);
        return builder.Append('}').ToString();

        void Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            CanonicalJson.AppendString(builder, name);
            builder.Append(':');
            CanonicalJson.AppendString(builder, value);
        }
    }

    /// <summary>The manager as conflict messages name it (<c>printManager</c>): <c>"kubectl" using v1</c>.</summary>
    public string Describe()
    {
        var text = GoQuote.Quote(Manager);
        if (!string.IsNullOrEmpty(Subresource))
        {
            text += $" with subresource {GoQuote.Quote(Subresource)}";
        }

        return IsApply ? text : $"{text} using {ApiVersion}";
    }

    /// <summary>Seconds since the epoch of <see cref="Time"/>, 0 when absent (the sort key the apiserver uses).</summary>
    public long TimeSeconds =>
        Time is not null && DateTimeOffset.TryParse(Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUnixTimeSeconds()
            : 0;

    /// <summary>A metav1.Time: UTC, whole seconds, <c>Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
