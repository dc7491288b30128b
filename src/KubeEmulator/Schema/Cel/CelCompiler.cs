using System.Globalization;
using System.Text;

namespace SiteMaintenance.Emulator.Schema.Cel;

/// <summary>A parsed and type-checked expression, ready to evaluate.</summary>
internal sealed class CompiledExpression(string source, Expr ast, IReadOnlySet<string> referencedVariables)
{
    public string Source { get; } = source;

    public Expr Ast { get; } = ast;

    public CelType Type => Ast.Type;

    public IReadOnlySet<string> ReferencedVariables { get; } = referencedVariables;

    public CelValue Evaluate(IReadOnlyDictionary<string, CelValue> variables) => new Interpreter(variables).Evaluate(Ast);
}

/// <summary>Thrown when an expression does not compile; the message is cel-go's issue text.</summary>
internal sealed class CelCompileException(string message) : Exception(message);

/// <summary>Parses and checks CEL source against declared variables, reporting issues as cel-go prints them.</summary>
internal static class CelCompiler
{
    public static CompiledExpression Compile(string source, IReadOnlyDictionary<string, CelType> variables)
    {
        Expr ast;
        try
        {
            ast = Parser.Parse(source);
        }
        catch (CelSyntaxException e)
        {
            throw new CelCompileException(FormatIssues(source, [new CelIssue(e.Offset, e.Message)]));
        }

        var checker = new Checker(variables);
        checker.Check(ast);
        if (checker.Issues.Count > 0)
        {
            throw new CelCompileException(FormatIssues(source, checker.Issues));
        }

        return new CompiledExpression(source, ast, checker.ReferencedVariables);
    }

    /// <summary>cel-go's <c>Issues.String()</c>: each error with its location and a caret under the source line.</summary>
    public static string FormatIssues(string source, IEnumerable<CelIssue> issues)
    {
        var lines = source.Split('\n');
        var parts = new List<string>();
        foreach (var issue in issues.OrderBy(i => i.Offset))
        {
            var (line, column) = Location(source, issue.Offset);
            var sb = new StringBuilder();
            sb.Append("ERROR: <input>:")
                .Append(line.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append((column + 1).ToString(CultureInfo.InvariantCulture)).Append(": ")
                .Append(issue.Message);
            if (line - 1 < lines.Length)
            {
                var snippet = lines[line - 1].TrimEnd('\r').Replace('\t', ' ');
                sb.Append("\n | ").Append(snippet).Append("\n | ");
                var runes = snippet.EnumerateRunes().ToList();
                for (var i = 0; i < column && i < runes.Count; i++)
                {
                    sb.Append(runes[i].Utf8SequenceLength > 1 ? "\uff0e" : ".");
                }

                sb.Append(column < runes.Count && runes[column].Utf8SequenceLength > 1 ? "\uff3e" : "^");
            }

            parts.Add(sb.ToString());
        }

        return string.Join("\n", parts);
    }

    /// <summary>The 1-based line and 0-based code point column of an offset.</summary>
    private static (int Line, int Column) Location(string source, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var end = Math.Min(offset, source.Length);
        var column = source[lineStart..end].EnumerateRunes().Count();
        return (line, column);
    }
}
