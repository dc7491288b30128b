using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Selectors;

/// <summary>One requirement of a label selector (<c>labels.Requirement</c>): a key, an operator and its values.</summary>
internal sealed class LabelRequirement
{
    private LabelRequirement(string key, LabelOperator op, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = op;
        Values = values;
    }

    public string Key { get; }

    public LabelOperator Operator { get; }

    /// <summary>The values, sorted and distinct (upstream parses them into a set).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// <c>labels.NewRequirement</c>: validates the values for the operator and each value as a label
    /// value. Returns the error text (an aggregate) when invalid. The key was validated by the parser.
    /// </summary>
    public static LabelRequirement Create(string key, LabelOperator op, IReadOnlyList<string> values, out string? error)
    {
        var errors = new List<string>();
        if (op is LabelOperator.GreaterThan or LabelOperator.LessThan)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (!TryParseGoInt64(values[i], out _))
                {
                    errors.Add(FieldErrorText.Invalid($"values[{i}]", values[i], "for 'Gt', 'Lt' operators, the value must be an integer"));
                }
            }
        }

        for (var i = 0; i < values.Count; i++)
        {
            var valueErrors = LabelValidation.LabelValueErrors(values[i]);
            if (valueErrors.Count > 0)
            {
                errors.Add(FieldErrorText.Invalid($"values[{i}][{key}]", values[i], string.Join("; ", valueErrors)));
            }
        }

        error = errors.Count == 0 ? null : FieldErrorText.Aggregate(errors);
        return new LabelRequirement(key, op, values);
    }

    public bool Matches(JsonObject? labels)
    {
        var has = TryGetLabel(labels, Key, out var value);
        switch (Operator)
        {
            case LabelOperator.In or LabelOperator.Equals or LabelOperator.DoubleEquals:
                return has && Values.Contains(value, StringComparer.Ordinal);
            case LabelOperator.NotIn or LabelOperator.NotEquals:
                return !has || !Values.Contains(value, StringComparer.Ordinal);
            case LabelOperator.Exists:
                return has;
            case LabelOperator.DoesNotExist:
                return !has;
            case LabelOperator.GreaterThan or LabelOperator.LessThan:
                if (!has || Values.Count != 1 || !TryParseGoInt64(value, out var actual) || !TryParseGoInt64(Values[0], out var bound))
                {
                    return false;
                }

                return Operator == LabelOperator.GreaterThan ? actual > bound : actual < bound;
            default:
                return false;
        }
    }

    /// <summary><c>Requirement.String()</c>: the canonical text of this requirement.</summary>
    public override string ToString()
    {
        var prefix = Operator == LabelOperator.DoesNotExist ? "!" : string.Empty;
        var joined = string.Join(",", Values);
        return Operator switch
        {
            LabelOperator.Exists or LabelOperator.DoesNotExist => prefix + Key,
            LabelOperator.Equals => $"{Key}={joined}",
            LabelOperator.DoubleEquals => $"{Key}=={joined}",
            LabelOperator.NotEquals => $"{Key}!={joined}",
            LabelOperator.In => $"{Key} in ({joined})",
            LabelOperator.NotIn => $"{Key} notin ({joined})",
            LabelOperator.GreaterThan => $"{Key}>{joined}",
            LabelOperator.LessThan => $"{Key}<{joined}",
            _ => Key,
        };
    }

    // strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, nothing else.
    private static bool TryParseGoInt64(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool TryGetLabel(JsonObject? labels, string key, out string value)
    {
        value = string.Empty;
        if (labels is null || !labels.TryGetPropertyValue(key, out var node))
        {
            return false;
        }

        value = node switch
        {
            null => string.Empty,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
        return true;
    }
}
