using System.Text;

namespace SiteMaintenance.Emulator.Schema;

/// <summary>
/// The <c>fieldPath</c> of an <c>x-kubernetes-validations</c> rule (<c>cel.ValidFieldPath</c>): a
/// JSON path of field selections (<c>.a</c>) and map keys (<c>['k']</c>) that must exist in the
/// schema. Normalised, it is the field path failures are reported under.
/// </summary>
internal static class RuleFieldPath
{
    public static bool TryNormalize(string jsonPath, SchemaNode schema, out string normalized, out string error)
    {
        normalized = string.Empty;
        error = string.Empty;
        var tokens = Tokenize(jsonPath);
        var current = schema;
        var path = string.Empty;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            string name;
            switch (token)
            {
                case "[":
                    if (++i >= tokens.Count)
                    {
                        error = "unexpected end of JSON path";
                        return false;
                    }

                    token = tokens[i];
                    if (token.Length < 2 || token[0] != '\'' || token[^1] != '\'')
                    {
                        error = $"expected single quoted string but got {token}";
                        return false;
                    }

                    if (!TryUnescape(token[1..^1], out name))
                    {
                        error = "invalid string literal: invalid escape char";
                        return false;
                    }

                    if (++i >= tokens.Count || tokens[i] != "]")
                    {
                        error = i >= tokens.Count ? "unexpected end of JSON path" : $"expected ] but got {tokens[i]}";
                        return false;
                    }

                    break;
                case ".":
                    if (++i >= tokens.Count)
                    {
                        error = "unexpected end of JSON path";
                        return false;
                    }

                    name = tokens[i];
                    break;
                default:
                    error = $"expected [ or . but got: {token}";
                    return false;
            }

            if (current.HasProperties)
            {
                path = FieldPath.Child(path, name);
                if (current.Property(name) is not { } next)
                {
                    error = "does not refer to a valid field";
                    return false;
                }

                current = next;
            }
            else if (current.AdditionalProperties is { } additional)
            {
                path = FieldPath.Key(path, name);
                current = additional;
            }
            else
            {
                error = "does not refer to a valid field";
                return false;
            }
        }

        normalized = path;
        return true;
    }

    /// <summary>Splits on the delimiters <c>.</c>, <c>[</c> and <c>]</c>, keeping single-quoted strings whole.</summary>
    private static List<string> Tokenize(string path)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '\'')
            {
                var j = i + 1;
                while (j < path.Length && !(path[j] == '\'' && path[j - 1] != '\\'))
                {
                    j++;
                }

                tokens.Add(path[i..Math.Min(j + 1, path.Length)]);
                i = j + 1;
                continue;
            }

            if (path[i] is '.' or '[' or ']')
            {
                tokens.Add(path[i].ToString());
                i++;
                continue;
            }

            var start = i;
            while (i < path.Length && path[i] is not ('.' or '[' or ']'))
            {
                i++;
            }

            tokens.Add(path[start..i]);
        }

        return tokens;
    }

    private static bool TryUnescape(string s, out string result)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }

            i++;
            switch (s[i])
            {
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '\'': sb.Append('\''); break;
                case '\\': sb.Append('\\'); break;
                default:
                    result = string.Empty;
                    return false;
            }
        }

        result = sb.ToString();
        return true;
    }
}
