namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>
/// One line redrawn in place with carriage return and ANSI erase-line, cut to the terminal's
/// width so that it never wraps (a wrapped line cannot be redrawn).
/// </summary>
internal sealed class TerminalProgress(TextWriter output, TextWriter error, Func<int> width) : IWaitProgress
{
    private const string EraseLine = "\r\u001b[2K";
    private int _tick;
    private bool _drawn;

    public void Show(WaitSnapshot snapshot)
    {
        var line = ProgressText.Live(snapshot, _tick++);
        var max = Math.Max(20, width() - 1);
        if (line.Length > max)
        {
            line = line[..(max - 3)] + "...";
        }

        output.Write(EraseLine + line);
        output.Flush();
        _drawn = true;
    }

    public void Note(string text)
    {
        Clear();
        error.WriteLine(text);
        error.Flush();
    }

    public void Finish() => Clear();

    private void Clear()
    {
        if (_drawn)
        {
            output.Write(EraseLine);
            output.Flush();
            _drawn = false;
        }
    }
}
