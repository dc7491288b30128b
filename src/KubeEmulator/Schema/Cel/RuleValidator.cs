using System.Text;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>
/// Runs the <c>x-kubernetes-validations</c> of a schema over a value (the apiserver's
/// <c>cel.Validator</c>): rules see <c>self</c> (and <c>oldSelf</c> where an old value correlates),
/// transition rules are skipped without one, and on updates failures of unchanged values are
/// ratcheted away.
/// </summary>
internal sealed class RuleValidator(RuleCache cache)
{
    private const int MaxMessageExpressionBytes = 5 * 1024;

    private readonly Dictionary<SchemaNode, bool> _hasRules = [];
    private bool _stopped;

    /// <summary>Whether the schema or anything below it declares rules.</summary>
    public bool HasRules(SchemaNode? node)
    {
        if (node is null)
        {
            return false;
        }

        if (_hasRules.TryGetValue(node, out var known))
        {
            return known;
        }

        _hasRules[node] = false;
        var result = node.Validations.Count > 0 || HasRules(node.Items) || HasRules(node.AdditionalProperties) ||
            node.Properties.Any(p => HasRules(p.Value));
        _hasRules[node] = result;
        return result;
    }

    /// <summary>
    /// Validates <paramref name="value"/> under <paramref name="basePath"/> (empty: the nil path).
    /// <paramref name="ratcheting"/> drops failures of values equal to their old values (updates).
    /// </summary>
    public List<FieldCause> Validate(SchemaNode schema, JsonNode? value, Correlated? old, bool ratcheting, string basePath, bool isResourceRoot)
    {
        var errors = new List<FieldCause>();
        _stopped = false;
        var ratchet = new Ratchet(ratcheting && old is not null, old, value, null, null);
        ValidateNode(schema, value, old, ratchet, basePath, isResourceRoot, errors);
        return errors;
    }

    private void ValidateNode(SchemaNode schema, JsonNode? value, Correlated? old, Ratchet ratchet, string path, bool isResourceRoot, List<FieldCause> errors)
    {
        if (value is null || _stopped || !HasRules(schema))
        {
            return;
        }

        ValidateExpressions(schema, value, old, ratchet, path, isResourceRoot, errors);
        switch (value)
        {
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    var oldItem = schema.ListType == "map" && old?.Value is JsonArray oldArray ? Correlation.MapListItem(schema, oldArray, array[i]) : null;
                    ValidateNode(items, array[i], oldItem, ratchet.Index(schema, array[i]), FieldPath.Index(path, i), items.EmbeddedResource, errors);
                }

                break;
            case JsonObject obj:
                var correlatable = schema.MapType != "atomic";
                if (schema.AdditionalProperties is { } additional)
                {
                    foreach (var (key, child) in obj)
                    {
                        ValidateNode(additional, child, correlatable ? Correlation.ForKey(old, key) : null, ratchet.Key(key, child), FieldPath.Key(path, key), additional.EmbeddedResource, errors);
                    }
                }

                foreach (var (key, child) in obj)
                {
                    if (schema.Property(key) is { } property)
                    {
                        ValidateNode(property, child, correlatable ? Correlation.ForKey(old, key) : null, ratchet.Key(key, child), FieldPath.Child(path, key), property.EmbeddedResource, errors);
                    }
                }

                break;
        }
    }

    private void ValidateExpressions(SchemaNode schema, JsonNode value, Correlated? old, Ratchet ratchet, string path, bool isResourceRoot, List<FieldCause> errors)
    {
        var compiled = cache.Get(schema, isResourceRoot);
        var nodePath = FieldPath.OrNil(path);
        var schemaType = schema.Type;
        if (compiled.SetupError is { } setupError)
        {
            errors.Add(FieldErrors.Invalid(nodePath, schemaType, $"rule compiler initialization error: {setupError}"));
            return;
        }

        if (compiled.SelfType is not { } selfType)
        {
            return;
        }

        var self = CelJson.ToValue(value, selfType);
        var oldSelf = old is null ? null : CelJson.ToValue(old.Value, selfType);
        foreach (var rule in compiled.Rules)
        {
            if (rule.Error is { } compileError)
            {
                errors.Add(FieldErrors.Invalid(nodePath, schemaType, $"rule compile error: {compileError}"));
                continue;
            }

            if (rule.Program is not { } program)
            {
                continue;
            }

            var optionalOldSelf = rule.Rule.OptionalOldSelf == true;
            if (rule.UsesOldSelf && oldSelf is null && !optionalOldSelf)
            {
                continue;
            }

            var variables = new Dictionary<string, CelValue>(StringComparer.Ordinal) { [RuleCompiler.SelfName] = self };
            if (optionalOldSelf)
            {
                variables[RuleCompiler.OldSelfName] = oldSelf is null ? OptionalValue.None : OptionalValue.Of(oldSelf);
            }
            else if (oldSelf is not null)
            {
                variables[RuleCompiler.OldSelfName] = oldSelf;
            }

            var result = program.Evaluate(variables);
            if (result is ErrorValue error)
            {
                var ruleText = RuleErrorString(rule.Rule);
                if (error.Message.StartsWith("no such overload", StringComparison.Ordinal))
                {
                    errors.Add(FieldErrors.Invalid(nodePath, schemaType, $"'{error.Message}': call arguments did not match a supported operator, function or macro signature for rule: {ruleText}"));
                }
                else if (error.Message.StartsWith(Interpreter.CostLimitExceeded, StringComparison.Ordinal))
                {
                    errors.Add(FieldErrors.Invalid(nodePath, schemaType, $"'{error.Message}': no further validation rules will be run due to call cost exceeds limit for rule: {ruleText}"));
                    _stopped = true;
                    return;
                }
                else
                {
                    errors.Add(FieldErrors.Invalid(nodePath, schemaType, $"{error.Message} evaluating rule: {ruleText}"));
                }

                continue;
            }

            if (result is BoolValue { Value: true })
            {
                continue;
            }

            if (!rule.UsesOldSelf && ratchet.ShouldRatchet)
            {
                continue;
            }

            var failurePath = rule.NormalizedFieldPath.Length > 0 ? FieldPath.Child(path, rule.NormalizedFieldPath) : nodePath;
            var detail = EvaluateMessage(rule, variables) ?? RuleMessageOrDefault(rule.Rule);
            errors.Add(rule.Rule.Reason switch
            {
                "FieldValueForbidden" => FieldErrors.Forbidden(failurePath, detail),
                "FieldValueRequired" => FieldErrors.Required(failurePath, detail),
                "FieldValueDuplicate" => new FieldCause("FieldValueDuplicate", $"Duplicate value: {GoQuote.Quote(schemaType)}", failurePath),
                _ => FieldErrors.Invalid(failurePath, schemaType, detail),
            });
        }
    }

    /// <summary>A <c>messageExpression</c>'s text, or null when it fails (the rule's message is used then).</summary>
    private static string? EvaluateMessage(CompiledRule rule, Dictionary<string, CelValue> variables)
    {
        if (rule.MessageExpression is not { } expression)
        {
            return null;
        }

        if (expression.Evaluate(variables) is not StringValue message)
        {
            return null;
        }

        var trimmed = message.Value.Trim();
        if (trimmed.Length == 0 || trimmed.Contains('\n', StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(trimmed) > MaxMessageExpressionBytes)
        {
            return null;
        }

        return trimmed;
    }

    private static string RuleMessageOrDefault(ValidationRule rule) =>
        rule.Message.Length == 0 ? $"failed rule: {RuleErrorString(rule)}" : rule.Message.Trim();

    private static string RuleErrorString(ValidationRule rule) =>
        rule.Message.Length > 0 ? rule.Message.Trim() : rule.Rule.Trim();

    /// <summary>
    /// Ratcheting state: the old value correlated with the current node (objects by key, map-lists by
    /// keys), else the nearest correlated ancestor; a failure is dropped when that part is unchanged.
    /// </summary>
    private sealed record Ratchet(bool Enabled, Correlated? Current, JsonNode? CurrentNew, Correlated? ParentOld, JsonNode? ParentNew)
    {
        public bool ShouldRatchet =>
            Enabled && (Current is { } c ? Json.DeepEquals(c.Value, CurrentNew) : ParentOld is { } p && Json.DeepEquals(p.Value, ParentNew));

        public Ratchet Key(string key, JsonNode? child) =>
            Current is null ? this : new Ratchet(Enabled, Correlation.ForKey(Current, key), child, Current, CurrentNew);

        public Ratchet Index(SchemaNode listSchema, JsonNode? child)
        {
            if (Current is null)
            {
                return this;
            }

            var item = listSchema.ListType == "map" && Current.Value is JsonArray oldArray ? Correlation.MapListItem(listSchema, oldArray, child) : null;
            return new Ratchet(Enabled, item, child, Current, CurrentNew);
        }
    }
}
