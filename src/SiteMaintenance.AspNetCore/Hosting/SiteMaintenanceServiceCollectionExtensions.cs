using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Bypass;
using SiteMaintenance.AspNetCore.Kubernetes;
using SiteMaintenance.AspNetCore.Middleware;
using SiteMaintenance.AspNetCore.Validation;
using SiteMaintenance.AspNetCore.Sessions;
using SiteMaintenance.AspNetCore.State;
using SiteMaintenance.AspNetCore.Tasks;

namespace SiteMaintenance.AspNetCore;

/// <summary>Registers the site-maintenance SDK.</summary>
public static class SiteMaintenanceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the maintenance state (read from the lock ConfigMap), session tracking, the
    /// middleware's services and <see cref="ICommandTaskFactory"/>. Options are bound from the
    /// <c>SiteMaintenance</c> configuration section, then <paramref name="configure"/> runs.
    /// </summary>
    public static IServiceCollection AddSiteMaintenance(this IServiceCollection services, Action<SiteMaintenanceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SiteMaintenanceOptions>().BindConfiguration(SiteMaintenanceOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiteMaintenanceOptions>, SiteMaintenanceOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MaintenanceStateStore>();
        services.TryAddSingleton<IMaintenanceState>(sp => sp.GetRequiredService<MaintenanceStateStore>());
        services.TryAddSingleton<KubernetesClientProvider>();
        services.AddHostedService<LockSourceHost>();

        services.TryAddSingleton<ExemptPaths>();
        services.TryAddSingleton<BypassPolicy>();
        services.TryAddSingleton<TurnAwayResponder>();

        services.TryAddSingleton<SessionIdHasher>();
        services.TryAddSingleton<SessionEnder>();
        services.TryAddSingleton<SessionsEndpoint>();
        services.TryAddSingleton<ISessionTracker>(CreateTracker);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, CookieSignOutHook>());

        services.TryAddSingleton<ICommandTaskFactory, CommandTaskFactory>();
        return services;
    }

    private static ISessionTracker CreateTracker(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SiteMaintenanceOptions>>();
        var time = services.GetRequiredService<TimeProvider>();
        if (options.Value.Sessions.Store == SessionStore.DistributedCache)
        {
            var cache = services.GetService<IDistributedCache>()
                ?? throw new InvalidOperationException("SiteMaintenance:Sessions:Store is DistributedCache, but no IDistributedCache is registered (e.g. AddStackExchangeRedisCache).");
            return new DistributedCacheSessionTracker(cache, options, time);
        }

        return new MemorySessionTracker(options, time);
    }
}
