using System.Text;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>
/// The writer help goes through: line by line, it shows the executable's name
/// (<c>kubectl-maintenance on ...</c>) as users type it through kubectl (<c>kubectl maintenance on ...</c>).
/// </summary>
internal sealed class InvokedNameWriter(TextWriter inner, string executableName) : TextWriter
{
    public const string InvokedAs = "kubectl maintenance";

    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            Flush();
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            inner.Write(_line.ToString().Replace(executableName + " ", InvokedAs + " ", StringComparison.Ordinal));
            _line.Clear();
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
