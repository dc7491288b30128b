using System.Globalization;
using System.Net;
using SiteMaintenance.Demo.Cluster;
using SiteMaintenance.Demo.Processes;
using SiteMaintenance.Demo.Shop;

namespace SiteMaintenance.Demo.Story;

/// <summary>
/// The seed's story: users log in; a migration runs as a CommandTask; maintenance is requested
/// (PENDING): logged-in users keep working, nobody new logs in, the sessions and the task
/// drain; OFFLINE: the Ingress and the lock switch; back ONLINE with everything restored.
/// Every step shows the real <c>kubectl get sitemaintenance</c>.
/// </summary>
internal sealed class DemoStory(DemoContext demo, DemoStage stage)
{
    private static readonly TimeSpan StatusPatience = TimeSpan.FromSeconds(45);
    private static readonly string[] UserNames = ["alice", "bob", "carol"];

    public async Task PlayAsync(CancellationToken cancellationToken)
    {
        var users = UserNames.Select((name, i) => new ShopVisitor(name, stage.Pods[i % stage.Pods.Count])).ToList();
        try
        {
            await LogInAsync(users, cancellationToken);
            var migration = await StartMigrationAsync(cancellationToken);
            await RequestMaintenanceAsync(users.Count, migration, cancellationToken);
            await ShowPendingAsync(users[0], cancellationToken);
            await DrainAsync(users, migration, cancellationToken);
            await ShowOfflineAsync(users[0], cancellationToken);
            await EndMaintenanceAsync(cancellationToken);
        }
        finally
        {
            users.ForEach(u => u.Dispose());
        }
    }

    private async Task LogInAsync(List<ShopVisitor> users, CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        say.Heading($"{users.Count} users log in");
        say.Say("Each browser stays with one pod (session affinity). A login starts a session; each request keeps it active.");
        say.Blank();
        foreach (var user in users)
        {
            var login = await user.LogInAsync(cancellationToken);
            say.Http(user.Name, user.Describe("POST", "api/login"), login.ToString());
            Expect(login.Status == HttpStatusCode.OK, $"{user.Name} could not log in: {login}");
            var me = await user.GetAsync("api/me", json: true, cancellationToken);
            say.Http(user.Name, user.Describe("GET", "api/me"), me.ToString());
        }

        say.Blank();
        say.Say("What the operator will ask each pod (the sessions endpoint: a count and opaque, HMAC'd ids):");
        say.Blank();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var pod in stage.Pods)
        {
            var url = new Uri(pod.Url, ".well-known/site-maintenance/sessions");
            using var response = await probe.GetAsync(url, cancellationToken);
            say.Http(pod.Name, $"GET {url}", (await HttpAnswer.ReadAsync(response, cancellationToken)).ToString());
        }

        say.Say("\nWhile the site is ONLINE the operator counts nothing (SESSIONS is empty); it starts when maintenance is requested.");
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "sitemaintenance");
    }

    private async Task<ChildProcess> StartMigrationAsync(CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        var seconds = demo.Options.MigrationSeconds.ToString(CultureInfo.InvariantCulture);
        string[] args = ["migrate", "--seconds", seconds, $"--SiteMaintenance:Kubeconfig={demo.Layout.Display(demo.Folder.Kubeconfig)}"];
        say.Heading("A migration starts (a CommandTask)");
        say.Say("A maintenance-sensitive command holds a Lease while it runs; the site cannot go OFFLINE under it.");
        say.Command($"dotnet {demo.Layout.Display(demo.Layout.ShopApp)} {string.Join(' ', args)} &");
        var log = demo.Folder.LogOf("migrate");
        var migration = demo.Supervisor.Start("migrate", demo.Dotnet.Create(demo.Layout.ShopApp, args), log);
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(StatusPatience);
            var holding = await migration.WaitForLineAsync(l => l.StartsWith("migrate: holding", StringComparison.Ordinal), patience.Token);
            say.Output($"[pid {migration.Pid}] {holding}");
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new StoryFailedException($"The migration did not start. Its output ({demo.Layout.Display(log)}):\n  " + string.Join("\n  ", migration.Tail(15)), e);
        }

        await demo.Kubectl.ShowAsync(cancellationToken, "get", "leases", "-l", $"sitemaintenance.io/site={DemoContext.SiteName}");
        return migration;
    }

    private async Task RequestMaintenanceAsync(int sessions, ChildProcess migration, CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        say.Heading("Maintenance requested: the site goes PENDING");
        say.Say("The seed's `offline on`, for Kubernetes: the kubectl plugin sets spec.mode: Offline.");
        await demo.Kubectl.ShowAsync(cancellationToken, "maintenance", "on", DemoContext.SiteName);
        var counted = await demo.Site.WaitForAsync(
            s => s.Phase == "Pending" && s.Sessions == sessions && (s.Tasks == 1 || (s.Tasks == 0 && migration.HasExited)),
            $"phase Pending with {sessions} sessions and 1 task",
            StatusPatience,
            cancellationToken);
        Expect(
            counted.Tasks == 1,
            $"the migration ended before the operator counted it (the machine is busy?): try a longer one, make demo DEMO_ARGS=\"--migration-seconds {demo.Options.MigrationSeconds * 3}\".");
        say.Say("\nThe operator set the lock ConfigMap to PENDING, then counted the sessions of every ready pod and the running CommandTasks:");
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "sitemaintenance");
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "configmap", "shop-maintenance", "-o", "jsonpath={.data.state}{\"\\n\"}");
    }

    private async Task ShowPendingAsync(ShopVisitor loggedIn, CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        say.Heading("While PENDING: users keep working, nobody new gets in");
        say.Say("A logged-in user goes on working and sees the maintenance message; a new login and an anonymous visit are turned away:");
        say.Blank();
        var me = await loggedIn.GetAsync("api/me", json: true, cancellationToken);
        say.Http(loggedIn.Name, loggedIn.Describe("GET", "api/me"), me.ToString());
        Expect(me.Status == HttpStatusCode.OK, $"{loggedIn.Name} was turned away while PENDING: {me}");

        using var newcomer = new ShopVisitor("admin", loggedIn.Pod);
        var login = await newcomer.LogInAsync(cancellationToken);
        say.Http("admin", newcomer.Describe("POST", "api/login"), login.ToString() + "   (login refused)");
        Expect(login.Status == HttpStatusCode.ServiceUnavailable, $"a new login was not refused while PENDING: {login}");

        using var anonymous = new ShopVisitor("guest", stage.Pods[^1]);
        var page = await anonymous.GetAsync(string.Empty, json: false, cancellationToken);
        say.Http("guest", anonymous.Describe("GET", string.Empty), page.ToString());
    }

    private async Task DrainAsync(List<ShopVisitor> users, ChildProcess migration, CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        say.Heading("Sessions drain: users log out, one by one");
        var order = users.Skip(1).Concat(users.Take(1)).ToList();
        var left = users.Count;
        for (var i = 0; i < order.Count; i++)
        {
            var user = order[i];
            var logout = await user.LogOutAsync(cancellationToken);
            left--;
            say.Blank();
            say.Http(user.Name, user.Describe("POST", "logout"), logout.ToString() + $"   ({left} session{(left == 1 ? string.Empty : "s")} left)");
            if (left == 0)
            {
                break;
            }

            await demo.Site.WaitForAsync(s => s.Phase == "Pending" && s.Sessions == left, $"{left} sessions", StatusPatience, cancellationToken);
            await demo.Kubectl.ShowAsync(cancellationToken, "get", "sitemaintenance");
            if (i == 0)
            {
                await FinishMigrationAsync(migration, left, cancellationToken);
            }
        }

        say.Say("\nThe last session is gone and no CommandTask runs: the operator switches the site OFFLINE.");
        await demo.Site.WaitForAsync(s => s.Phase == "Offline", "phase Offline", StatusPatience, cancellationToken);
    }

    private async Task FinishMigrationAsync(ChildProcess migration, int sessions, CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        say.Say("\nThe migration still runs (TASKS 1), so even with no session left the site would stay PENDING. It finishes:");
        var code = await migration.Exited.WaitAsync(TimeSpan.FromSeconds(demo.Options.MigrationSeconds + 60), cancellationToken);
        if (migration.Tail(5).LastOrDefault(l => l.StartsWith("migrate:", StringComparison.Ordinal)) is { } last)
        {
            say.Output($"[pid {migration.Pid}] {last}");
        }

        Expect(code == 0, $"the migration failed with exit code {code}; see {demo.Layout.Display(demo.Folder.LogOf("migrate"))}");
        await demo.Site.WaitForAsync(s => s is { Phase: "Pending", Tasks: 0 } && s.Sessions == sessions, "0 running tasks", StatusPatience, cancellationToken);
        await demo.Kubectl.ShowAsync(cancellationToken, "maintenance", "status", DemoContext.SiteName);
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "sitemaintenance");
    }

    private async Task ShowOfflineAsync(ShopVisitor user, CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        say.Heading("OFFLINE: the Ingress points at the maintenance page");
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "sitemaintenance", "-o", "wide");
        say.Say($"\nThe Ingress got ingress-nginx's redirect to the maintenance page; the previous values are saved on it, and {ShopIngress.UserAnnotation} is untouched:");
        var annotations = await demo.Kubectl.ShowAsync(cancellationToken, "get", "ingress", ShopIngress.Name, "-o", ShopIngress.AnnotationsTemplate);
        Expect(annotations.Output.Contains(ShopIngress.RedirectAnnotation, StringComparison.Ordinal), "the Ingress has no redirect annotation while OFFLINE");
        say.Say("\nThe lock ConfigMap, which the app watches (mounted as files, or through the API as here):");
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "configmap", "shop-maintenance", "-o", "yaml");
        say.Say("\nWith ingress-nginx, requests never reach the app now; the app itself also turns everyone away:");
        say.Blank();
        var page = await user.GetAsync(string.Empty, json: false, cancellationToken);
        say.Http(user.Name, user.Describe("GET", string.Empty), page.ToString());
    }

    private async Task EndMaintenanceAsync(CancellationToken cancellationToken)
    {
        var say = demo.Narrator;
        say.Heading("Back ONLINE, everything restored");
        await demo.Kubectl.ShowAsync(cancellationToken, "maintenance", "off", DemoContext.SiteName, "--wait");
        await demo.Site.WaitForAsync(s => s.Phase == "Online", "phase Online", StatusPatience, cancellationToken);
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "sitemaintenance");
        var after = await demo.Kubectl.ShowAsync(cancellationToken, "get", "ingress", ShopIngress.Name, "-o", ShopIngress.AnnotationsTemplate);
        Expect(after.Output == stage.AnnotationsBefore, $"the Ingress's annotations differ from before maintenance:\n{after.Output}");
        say.Ok("The Ingress's annotations are exactly as they were before maintenance.");
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "configmap", "shop-maintenance", "-o", "jsonpath={.data.state}{\"\\n\"}");
        say.Blank();
        using var newcomer = new ShopVisitor("admin", stage.Pods[0]);
        var login = await newcomer.LogInAsync(cancellationToken);
        say.Http("admin", newcomer.Describe("POST", "api/login"), login.ToString());
        Expect(login.Status == HttpStatusCode.OK, $"logins are still refused after maintenance: {login}");
        say.Ok("Logins work again.");

        say.Heading("The story, as Events on the SiteMaintenance");
        await demo.Kubectl.ShowAsync(cancellationToken, "get", "events", "--field-selector", "involvedObject.kind=SiteMaintenance");
    }

    private static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new StoryFailedException(problem);
        }
    }
}
