namespace SiteMaintenance.KubectlMaintenance.Waiting;

/// <summary>For logs and pipes: a line each time the state changes, nothing in between.</summary>
internal sealed class PlainProgress(TextWriter output, TextWriter error) : IWaitProgress
{
    private string? _last;

    public void Show(WaitSnapshot snapshot)
    {
        var state = ProgressText.State(snapshot);
        if (state == _last)
        {
            return;
        }

        _last = state;
        output.WriteLine(ProgressText.Plain(snapshot));
        output.Flush();
    }

    public void Note(string text)
    {
        error.WriteLine(text);
        error.Flush();
    }

    public void Finish()
    {
    }
}
