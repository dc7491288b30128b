using System.Text;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>The answer of a probe: healthy or not, and one line per check in the apiserver's <c>[+]name ok</c> / <c>[-]name reason</c> style.</summary>
internal sealed record HealthReport(bool Healthy, IReadOnlyList<string> Checks)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var check in Checks)
        {
            text.AppendLine(check);
        }

        text.AppendLine(Healthy ? "ok" : "failed");
        return text.ToString();
    }
}
