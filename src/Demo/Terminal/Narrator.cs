namespace SiteMaintenance.Demo.Terminal;

/// <summary>
/// Tells the story on the terminal: numbered headings, short explanations, the commands run
/// (<c>$ kubectl …</c>) with their real output, and results. Colours only on a terminal, never
/// with <c>NO_COLOR</c> or <c>TERM=dumb</c>.
/// </summary>
internal sealed class Narrator(TextWriter output, TextWriter error, bool colors)
{
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Cyan = "\u001b[36m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";
    private readonly Lock _gate = new();
    private int _step;

    /// <summary>The console's narrator: colours when stdout is a terminal that wants them.</summary>
    public static Narrator ForConsole()
    {
        var colors = !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") is not "dumb";
        return new Narrator(Console.Out, Console.Error, colors);
    }

    public void Banner(string title, string text) => Write(output, $"\n{Paint(Bold + Cyan, title)}\n{text}\n");

    /// <summary>A numbered step: "── 3. The site goes PENDING ────".</summary>
    public void Heading(string title)
    {
        var line = $"── {++_step}. {title} ";
        Write(output, $"\n{Paint(Bold + Cyan, line + new string('─', Math.Max(4, 78 - line.Length)))}\n");
    }

    /// <summary>An unnumbered heading.</summary>
    public void Section(string title)
    {
        var line = $"── {title} ";
        Write(output, $"\n{Paint(Bold + Cyan, line + new string('─', Math.Max(4, 78 - line.Length)))}\n");
    }

    /// <summary>A short explanation.</summary>
    public void Say(string text) => Write(output, text + "\n");

    /// <summary>A command about to run, as a user would type it.</summary>
    public void Command(string display) => Write(output, $"\n{Paint(Bold, "$ " + display)}\n");

    /// <summary>A command's real output, as it printed it.</summary>
    public void Output(string text)
    {
        if (text.Length > 0)
        {
            Write(output, text.EndsWith('\n') ? text : text + "\n");
        }
    }

    /// <summary>A request a user's browser made and what came back.</summary>
    public void Http(string who, string request, string answer) => Write(output, $"  {who,-6} {request}\n         {Paint(Dim, "->")} {answer}\n");

    public void Ok(string text) => Write(output, $"{Paint(Green, "✔")} {text}\n");

    public void Note(string text) => Write(output, $"{Paint(Yellow, "!")} {text}\n");

    public void Fail(string text) => Write(error, $"\n{Paint(Bold + Red, "✘ " + text)}\n");

    public void Blank() => Write(output, "\n");

    private string Paint(string style, string text) => colors ? style + text + Reset : text;

    private void Write(TextWriter writer, string text)
    {
        lock (_gate)
        {
            writer.Write(text);
            writer.Flush();
        }
    }
}
