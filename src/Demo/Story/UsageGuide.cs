using System.Globalization;

namespace SiteMaintenance.Demo.Story;

/// <summary>What to try once the story is over and the demo stays up.</summary>
internal static class UsageGuide
{
    public static void Print(DemoContext demo, DemoStage stage)
    {
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentNullException.ThrowIfNull(stage);
        var say = demo.Narrator;
        var first = stage.Pods[0];
        var others = stage.Pods.Skip(1).Select(p => p.Url.ToString()).ToList();
        var migrate = $"dotnet {demo.Layout.ShopApp} migrate --seconds 60 --SiteMaintenance:Kubeconfig={demo.Folder.Kubeconfig}";
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        say.Section("The demo is running: try it yourself");
        say.Say($"""
            In another terminal, point kubectl at the demo (and put the plugin on PATH):

              export KUBECONFIG={demo.Folder.Kubeconfig}
              export PATH={demo.Folder.Bin}:$PATH

              kubectl get sm -w                         # watch the site (Ctrl-C to stop watching)
              kubectl maintenance status shop
              kubectl maintenance on shop --wait        # PENDING while sessions drain, then OFFLINE
              kubectl maintenance on shop --force       # OFFLINE at once
              kubectl maintenance off shop              # ONLINE again
              kubectl describe sm shop                  # conditions and Events
              kubectl get cm shop-maintenance -o yaml   # the lock the app reads

            In a browser: {first.Url}{(others.Count > 0 ? $" (or {string.Join(", ", others)})" : string.Empty)}
              log in as alice / alice (or bob, carol; admin / admin has the admin page),
              then run `kubectl maintenance on shop`: the page shows the maintenance banner,
              nobody else can log in, and the site goes OFFLINE once you log out.

            A CommandTask that holds the site PENDING while it runs:
              {migrate}

            The operator: {stage.Operator.Readyz}{(stage.Operator.Metrics is { } metrics ? $", metrics at {metrics}" : string.Empty)}
            Logs: {demo.Folder.Logs}/ (operator.log, shop-1.log, ...)

            Stop: press Ctrl-C here (or `kill {pid}`); every process the demo started stops with it.
            """);
    }
}
