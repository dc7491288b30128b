using System.Diagnostics;
using System.Globalization;

namespace SiteMaintenance.Benchmarks.Operators;

/// <summary>A process's memory and CPU time, read from <c>/proc/&lt;pid&gt;</c>.</summary>
/// <param name="RssBytes">Resident set size now (VmRSS).</param>
/// <param name="PeakRssBytes">The highest resident set size so far (VmHWM).</param>
/// <param name="CpuSeconds">User and system CPU time so far.</param>
internal sealed record ProcessStats(long RssBytes, long PeakRssBytes, double CpuSeconds)
{
    private static readonly Lazy<double> TicksPerSecond = new(ReadTicksPerSecond);

    public double RssMegabytes => RssBytes / 1024.0 / 1024.0;

    public double PeakRssMegabytes => PeakRssBytes / 1024.0 / 1024.0;

    public static ProcessStats Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // Fields after the command name (which may contain spaces), from field 3 on: utime is 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcessStats(Kilobytes(status, "VmRSS:") * 1024, Kilobytes(status, "VmHWM:") * 1024, ticks / TicksPerSecond.Value);
    }

    private static long Kilobytes(string[] status, string field)
    {
        var line = status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new BenchmarkException($"/proc status has no {field}");
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    // USER_HZ, almost always 100.
    private static double ReadTicksPerSecond()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.TryParse(text, CultureInfo.InvariantCulture, out var hz) && hz > 0 ? hz : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}
