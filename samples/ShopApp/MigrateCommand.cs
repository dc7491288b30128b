using System.Runtime.InteropServices;
using SiteMaintenance.AspNetCore;

namespace ShopApp;

/// <summary>
/// <c>ShopApp migrate [--seconds N] [--force] [--SiteMaintenance:…=…]</c>: a pretend database
/// migration that holds a CommandTask lease while it runs. Exit codes: 0 done, 2 refused because
/// of maintenance, 1 failed, 130 interrupted (the lease is deleted in every case but a crash).
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var force = args.Contains("--force");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. args.Where(a => a != "--force")])
            .Build();
        var settings = configuration.GetSection(SiteMaintenanceOptions.SectionName).Get<SiteMaintenanceOptions>() ?? new SiteMaintenanceOptions();
        var seconds = configuration.GetValue("seconds", 20);

        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupted.Cancel();
        });

        try
        {
            await using var task = await CommandTask.StartAsync("migrate", new CommandTaskOptions
            {
                Site = settings.Site,
                Namespace = settings.Namespace,
                Kubeconfig = settings.Kubeconfig,
                LockConfigMapName = settings.EffectiveLockConfigMapName,
                Force = force,
                LeaseDuration = settings.CommandTasks.LeaseDuration,
                Holder = settings.CommandTasks.Holder,
                Logger = loggers.CreateLogger("migrate"),
            }, interrupted.Token);
            Console.WriteLine($"migrate: holding lease {task.Namespace}/{task.LeaseName}; running for {seconds} s");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupted.Token, task.LeaseLost);
            await Task.Delay(TimeSpan.FromSeconds(seconds), stop.Token);
            Console.WriteLine("migrate: done");
            return 0;
        }
        catch (MaintenanceInProgressException e)
        {
            await Console.Error.WriteLineAsync($"migrate: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("migrate: interrupted");
            return 130;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"migrate: failed: {e.Message}");
            return 1;
        }
    }
}
