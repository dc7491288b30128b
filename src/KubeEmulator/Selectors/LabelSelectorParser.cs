namespace SiteMaintenance.Emulator.Selectors;

/// <summary>
/// The recursive-descent parser of <c>labels.Parse</c>. Produces the requirements sorted by key, or
/// the error text the apiserver returns (it answers 400 with that text as the message).
/// </summary>
internal sealed class LabelSelectorParser
{
    private const string BinaryOperators = "in, notin, =, ==, !=, gt, lt";

    private readonly List<ScannedItem> _items = [];
    private int _position;

    private LabelSelectorParser(string selector)
    {
        var lexer = new LabelSelectorLexer(selector);
        while (true)
        {
            var item = lexer.Lex();
            _items.Add(item);
            if (item.Token == LabelToken.EndOfString)
            {
                break;
            }
        }
    }

    /// <summary>"Values" context: <c>in</c>/<c>notin</c> are plain identifiers there (<c>x in (in)</c>).</summary>
    private enum Context
    {
        KeyAndOperator,
        Values,
    }

    public static bool TryParse(string selector, out List<LabelRequirement> requirements, out string error)
    {
        var parser = new LabelSelectorParser(selector);
        var ok = parser.TryParseAll(out requirements, out error);
        requirements = [.. requirements.OrderBy(r => r.Key, StringComparer.Ordinal)];
        return ok;
    }

    private bool TryParseAll(out List<LabelRequirement> requirements, out string error)
    {
        requirements = [];
        error = string.Empty;
        while (true)
        {
            var (token, literal) = Lookahead(Context.Values);
            switch (token)
            {
                case LabelToken.Identifier or LabelToken.DoesNotExist:
                    var requirement = ParseRequirement(out var requirementError);
                    if (requirement is null)
                    {
                        error = "unable to parse requirement: " + requirementError;
                        return false;
                    }

                    requirements.Add(requirement);
                    var (next, nextLiteral) = Consume(Context.Values);
                    switch (next)
                    {
                        case LabelToken.EndOfString:
                            return true;
                        case LabelToken.Comma:
                            var (afterComma, afterCommaLiteral) = Lookahead(Context.Values);
                            if (afterComma is not (LabelToken.Identifier or LabelToken.DoesNotExist))
                            {
                                error = $"found '{afterCommaLiteral}', expected: identifier after ','";
                                return false;
                            }

                            break;
                        default:
                            error = $"found '{nextLiteral}', expected: ',' or 'end of string'";
                            return false;
                    }

                    break;
                case LabelToken.EndOfString:
                    return true;
                default:
                    error = $"found '{literal}', expected: !, identifier, or 'end of string'";
                    return false;
            }
        }
    }

    private LabelRequirement? ParseRequirement(out string error)
    {
        if (!TryParseKeyAndInferOperator(out var key, out var op, out error))
        {
            return null;
        }

        if (op is LabelOperator.Exists or LabelOperator.DoesNotExist)
        {
            return Build(key, op.Value, [], out error);
        }

        if (!TryParseOperator(out var binary, out error))
        {
            return null;
        }

        List<string>? values = binary is LabelOperator.In or LabelOperator.NotIn ? ParseValues(out error) : ParseExactValue(out error);
        return values is null ? null : Build(key, binary, values, out error);
    }

    private static LabelRequirement? Build(string key, LabelOperator op, List<string> values, out string error)
    {
        var sorted = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var requirement = LabelRequirement.Create(key, op, sorted, out var invalid);
        error = invalid ?? string.Empty;
        return invalid is null ? requirement : null;
    }

    // parseKeyAndInferOperator: "!key" is DoesNotExist, a bare key before ',' or the end is Exists.
    private bool TryParseKeyAndInferOperator(out string key, out LabelOperator? op, out string error)
    {
        key = string.Empty;
        op = null;
        error = string.Empty;
        var (token, literal) = Consume(Context.Values);
        if (token == LabelToken.DoesNotExist)
        {
            op = LabelOperator.DoesNotExist;
            (token, literal) = Consume(Context.Values);
        }

        if (token != LabelToken.Identifier)
        {
            error = $"found '{literal}', expected: identifier";
            return false;
        }

        var keyErrors = LabelValidation.QualifiedNameErrors(literal);
        if (keyErrors.Count > 0)
        {
            // The parser's field path is nil, which field.Path prints as "<nil>".
            error = FieldErrorText.Invalid("<nil>", literal, string.Join("; ", keyErrors));
            return false;
        }

        key = literal;
        var (next, _) = Lookahead(Context.Values);
        if (next is LabelToken.EndOfString or LabelToken.Comma && op is null)
        {
            op = LabelOperator.Exists;
        }

        return true;
    }

    private bool TryParseOperator(out LabelOperator op, out string error)
    {
        error = string.Empty;
        var (token, literal) = Consume(Context.KeyAndOperator);
        switch (token)
        {
            case LabelToken.In:
                op = LabelOperator.In;
                return true;
            case LabelToken.Equals:
                op = LabelOperator.Equals;
                return true;
            case LabelToken.DoubleEquals:
                op = LabelOperator.DoubleEquals;
                return true;
            case LabelToken.GreaterThan:
                op = LabelOperator.GreaterThan;
                return true;
            case LabelToken.LessThan:
                op = LabelOperator.LessThan;
                return true;
            case LabelToken.NotIn:
                op = LabelOperator.NotIn;
                return true;
            case LabelToken.NotEquals:
                op = LabelOperator.NotEquals;
                return true;
            default:
                op = default;
                error = $"found '{literal}', expected: {BinaryOperators}";
                return false;
        }
    }

    // parseValues: "(a,b)"; "()" and empty members stand for the empty value.
    private List<string>? ParseValues(out string error)
    {
        error = string.Empty;
        var (token, literal) = Consume(Context.Values);
        if (token != LabelToken.OpenPar)
        {
            error = $"found '{literal}' expected: '('";
            return null;
        }

        (token, literal) = Lookahead(Context.Values);
        switch (token)
        {
            case LabelToken.Identifier or LabelToken.Comma:
                var values = ParseIdentifiersList(out error);
                if (values is null)
                {
                    return null;
                }

                if (Consume(Context.Values).Token != LabelToken.ClosedPar)
                {
                    // Upstream reports the literal seen before the list, not the offending one.
                    error = $"found '{literal}', expected: ')'";
                    return null;
                }

                return values;
            case LabelToken.ClosedPar:
                Consume(Context.Values);
                return [string.Empty];
            default:
                error = $"found '{literal}', expected: ',', ')' or identifier";
                return null;
        }
    }

    private List<string>? ParseIdentifiersList(out string error)
    {
        error = string.Empty;
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (token, literal) = Consume(Context.Values);
            switch (token)
            {
                case LabelToken.Identifier:
                    values.Add(literal);
                    var (next, nextLiteral) = Lookahead(Context.Values);
                    switch (next)
                    {
                        case LabelToken.Comma:
                            continue;
                        case LabelToken.ClosedPar:
                            return [.. values];
                        default:
                            error = $"found '{nextLiteral}', expected: ',' or ')'";
                            return null;
                    }

                case LabelToken.Comma:
                    if (values.Count == 0)
                    {
                        values.Add(string.Empty);
                    }

                    var (afterComma, _) = Lookahead(Context.Values);
                    if (afterComma == LabelToken.ClosedPar)
                    {
                        values.Add(string.Empty);
                        return [.. values];
                    }

                    if (afterComma == LabelToken.Comma)
                    {
                        Consume(Context.Values);
                        values.Add(string.Empty);
                    }

                    break;
                default:
                    error = $"found '{literal}', expected: ',', or identifier";
                    return null;
            }
        }
    }

    private List<string>? ParseExactValue(out string error)
    {
        error = string.Empty;
        var (token, _) = Lookahead(Context.Values);
        if (token is LabelToken.EndOfString or LabelToken.Comma)
        {
            return [string.Empty];
        }

        (token, var literal) = Consume(Context.Values);
        if (token == LabelToken.Identifier)
        {
            return [literal];
        }

        error = $"found '{literal}', expected: identifier";
        return null;
    }

    private ScannedItem Lookahead(Context context) => InContext(Current(), context);

    private ScannedItem Consume(Context context)
    {
        var item = Current();
        if (_position < _items.Count)
        {
            _position++;
        }

        return InContext(item, context);
    }

    private ScannedItem Current() => _position < _items.Count ? _items[_position] : _items[^1];

    private static ScannedItem InContext(ScannedItem item, Context context) =>
        context == Context.Values && item.Token is LabelToken.In or LabelToken.NotIn
            ? item with { Token = LabelToken.Identifier }
            : item;
}
