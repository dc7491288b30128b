using System.Globalization;

namespace SiteMaintenance.Demo.Tests;

/// <summary>Reads the demo's terminal output: the commands it showed, their output, and the rows of <c>kubectl get sitemaintenance</c>.</summary>
internal sealed class DemoTranscript(IReadOnlyList<string> lines)
{
    public IReadOnlyList<string> Lines { get; } = lines;

    /// <summary>Every row of every <c>kubectl get sitemaintenance</c> table, in order, read by the header's column positions.</summary>
    public IReadOnlyList<SiteRow> SiteRows()
    {
        var rows = new List<SiteRow>();
        for (var i = 0; i + 1 < Lines.Count; i++)
        {
            var header = Lines[i];
            if (!header.StartsWith("NAME ", StringComparison.Ordinal) || !header.Contains(" PHASE ", StringComparison.Ordinal) || !header.Contains(" TASKS ", StringComparison.Ordinal))
            {
                continue;
            }

            string[] names = ["MODE", "PHASE", "SESSIONS", "TASKS", "AGE"];
            var starts = names.Select(n => header.IndexOf(n, StringComparison.Ordinal)).ToArray();
            var row = Lines[i + 1];
            string Column(int c) => row.Length <= starts[c] ? string.Empty : row[starts[c]..Math.Min(row.Length, starts[c + 1])].Trim();
            rows.Add(new SiteRow(i + 1, Column(0), Column(1), Number(Column(2)), Number(Column(3))));
        }

        return rows;
    }

    /// <summary>The output lines of each showing of the command that starts with <paramref name="commandPrefix"/> (after "$ ").</summary>
    public IReadOnlyList<(int Line, IReadOnlyList<string> Output)> OutputsOf(string commandPrefix)
    {
        var outputs = new List<(int, IReadOnlyList<string>)>();
        for (var i = 0; i < Lines.Count; i++)
        {
            if (!Lines[i].StartsWith("$ " + commandPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var output = Lines.Skip(i + 1).TakeWhile(l => l.Length > 0 && !l.StartsWith("$ ", StringComparison.Ordinal) && !l.StartsWith('✔') && !l.StartsWith("──", StringComparison.Ordinal)).ToList();
            outputs.Add((i, output));
        }

        return outputs;
    }

    /// <summary>The index of the first line at or after <paramref name="from"/> that contains <paramref name="text"/>; -1 when none.</summary>
    public int IndexOf(string text, int from = 0)
    {
        for (var i = Math.Max(0, from); i < Lines.Count; i++)
        {
            if (Lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int? Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>One row of <c>kubectl get sitemaintenance</c>, with the line it was printed on.</summary>
internal sealed record SiteRow(int Line, string Mode, string Phase, int? Sessions, int? Tasks);
