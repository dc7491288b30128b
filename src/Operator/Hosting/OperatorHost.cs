using System.Net;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.LeaderElection;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// Builds and starts an operator: a slim ASP.NET Core host whose Kestrel serves the probes and the
/// metrics, and whose hosted <see cref="OperatorService"/> runs the informers, the leader election
/// and the controller. Used by <c>Program</c> and, in-process, by tests.
/// </summary>
internal static class OperatorHost
{
    /// <summary>Starts an operator; the reconciler is registered by <paramref name="configureServices"/>.</summary>
    /// <exception cref="OperatorConfigurationException">The options cannot work (no cluster configuration, bad addresses, no reconciler).</exception>
    public static async Task<RunningOperator> StartAsync(
        OperatorOptions options,
        Action<IServiceCollection>? configureServices = null,
        OperatorHostSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings ??= new OperatorHostSettings();
        OperatorJson.Register();
        var clientConfig = KubernetesConnection.Configure(options.Kubernetes);
        var (health, metrics) = ParseAddresses(options.Serving);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (settings.Configuration is { } configuration)
        {
            builder.Configuration.AddConfiguration(configuration);
        }

        ConfigureLogging(builder.Logging, options.LogFormat, settings);
        if (!settings.UseConsoleLifetime)
        {
            builder.Services.AddSingleton<IHostLifetime, InProcessLifetime>();
        }

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout =
            options.Controller.ShutdownGracePeriod + options.Controller.AbandonAfter + options.LeaderElection.RenewDeadline + TimeSpan.FromSeconds(5));

        var endpoints = new ServingEndpoints();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            endpoints.Health = Listen(kestrel, health);
            endpoints.Metrics = metrics is null ? null
                : metrics == health && health.Port != 0 ? endpoints.Health
                : Listen(kestrel, metrics);
        });

        AddOperator(builder.Services, options, settings, clientConfig, endpoints);
        configureServices?.Invoke(builder.Services);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IReconciler)))
        {
            throw new OperatorConfigurationException($"No {nameof(IReconciler)} is registered.");
        }

        var app = builder.Build();
        app.Run(app.Services.GetRequiredService<OperatorEndpoints>().HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RunningOperator(app, endpoints.HealthUrl!, endpoints.MetricsUrl);
    }

    private static void AddOperator(IServiceCollection services, OperatorOptions options, OperatorHostSettings settings, KubernetesClientConfiguration clientConfig, ServingEndpoints endpoints)
    {
        services.AddSingleton(options);
        services.AddSingleton(Options.Create(options.Kubernetes));
        services.AddSingleton(Options.Create(options.LeaderElection));
        services.AddSingleton(Options.Create(options.Serving));
        services.AddSingleton(Options.Create(options.Watch));
        services.AddSingleton(Options.Create(options.Controller));
        services.AddSingleton(settings.Time);
        services.AddSingleton(endpoints);
        services.AddSingleton(_ => KubernetesClients.Create(clientConfig));

        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton<IControllerMetrics>(sp => sp.GetRequiredService<OperatorMetrics>());
        services.AddSingleton<ISiteMetrics, PrometheusSiteMetrics>();

        services.AddSingleton(sp => new SiteInformers(
            sp.GetRequiredService<IKubernetes>(),
            options,
            settings.Time,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("SiteMaintenance.Operator.Informers"),
            settings.WatchBackoff));
        services.AddSingleton<IObjectCache<V1Alpha1SiteMaintenance>>(sp => sp.GetRequiredService<SiteInformers>().Sites.Cache);
        services.AddSingleton<IObjectCache<V1Lease>>(sp => sp.GetRequiredService<SiteInformers>().Leases.Cache);
        services.AddSingleton<IObjectCache<V1Ingress>>(sp => sp.GetRequiredService<SiteInformers>().Ingresses.Cache);
        services.AddSingleton<IObjectCache<V1ConfigMap>>(sp => sp.GetRequiredService<SiteInformers>().ConfigMaps.Cache);

        services.AddSingleton(sp => CreateLeadership(sp, options.LeaderElection, settings.Time));
        services.AddSingleton(sp =>
        {
            var informers = sp.GetRequiredService<SiteInformers>();
            var leadership = sp.GetRequiredService<ILeadership>();
            var metrics = sp.GetRequiredService<OperatorMetrics>();
            var controller = new Controller(
                sp.GetRequiredService<IReconciler>(),
                leadership,
                informers.All,
                informers.AllSites,
                options.Controller,
                metrics,
                settings.Time,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("SiteMaintenance.Operator.Controller"));
            informers.Connect(controller.Enqueue);
            metrics.Observe(controller, informers.All, leadership, settings.Time);
            return controller;
        });
        services.AddSingleton<OperatorService>();
        services.AddHostedService(sp => sp.GetRequiredService<OperatorService>());
        services.AddSingleton(sp => new OperatorHealth(
            sp.GetRequiredService<OperatorService>(),
            sp.GetRequiredService<SiteInformers>(),
            sp.GetRequiredService<ILeadership>(),
            options.Watch,
            settings.Time));
        services.AddSingleton<OperatorEndpoints>();
    }

    private static ILeadership CreateLeadership(IServiceProvider services, LeaderElectionOptions election, TimeProvider time)
    {
        if (!election.Enabled)
        {
            return new AlwaysLeader(time);
        }

        var config = new LeaderElectionConfig
        {
            Namespace = election.Namespace ?? KubernetesConnection.PodNamespace() ?? "default",
            Name = election.Id,
            Identity = election.Identity ?? $"{Environment.MachineName}_{Guid.NewGuid():N}",
            LeaseDuration = election.LeaseDuration,
            RenewDeadline = election.RenewDeadline,
            RetryPeriod = election.RetryPeriod,
        };
        var client = services.GetRequiredService<IKubernetes>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SiteMaintenance.Operator.LeaderElection");
        return new LeaderElector(new LeaseLock(client, config.Namespace, config.Name), config, time, logger);
    }

    private static (BindAddress Health, BindAddress? Metrics) ParseAddresses(ServingOptions serving)
    {
        if (!BindAddress.TryParse(serving.HealthProbeBindAddress, allowDisabled: false, out var health, out var healthError))
        {
            throw new OperatorConfigurationException($"--health-probe-bind-address: {healthError}");
        }

        if (!BindAddress.TryParse(serving.MetricsBindAddress, allowDisabled: true, out var metrics, out var metricsError))
        {
            throw new OperatorConfigurationException($"--metrics-bind-address: {metricsError}");
        }

        return (health!, metrics);
    }

    private static ListenOptions Listen(KestrelServerOptions kestrel, BindAddress address)
    {
        ListenOptions? captured = null;
        if (address.Host is null && !address.IsLocalhost)
        {
            kestrel.ListenAnyIP(address.Port, listen => captured = listen);
        }
        else
        {
            kestrel.Listen(address.Host ?? IPAddress.Loopback, address.Port, listen => captured = listen);
        }

        return captured!;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogFormat format, OperatorHostSettings settings)
    {
        logging.ClearProviders();
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (settings.ConfigureLogging is { } configure)
        {
            configure(logging);
            return;
        }

        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.IncludeScopes = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.IncludeScopes = true;
                text.UseUtcTimestamp = true;
                text.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
    }
}
