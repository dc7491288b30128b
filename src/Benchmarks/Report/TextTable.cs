using System.Text;

namespace SiteMaintenance.Benchmarks.Report;

/// <summary>A plain-text table: a header row and rows, columns padded to their widest cell (the first left-aligned, the others right-aligned).</summary>
internal sealed class TextTable(params string[] header)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var all = _rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.Append("  ");
            for (var c = 0; c < widths.Length; c++)
            {
                var cell = c < row.Length ? row[c] : "";
                text.Append(c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c] + 3));
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
