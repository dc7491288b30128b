using Microsoft.Extensions.Options;
using SiteMaintenance.AspNetCore.Bypass;

namespace SiteMaintenance.AspNetCore.Validation;

/// <summary>Rejects settings that would silently do the wrong thing; checked at start-up.</summary>
internal sealed class SiteMaintenanceOptionsValidator : IValidateOptions<SiteMaintenanceOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteMaintenanceOptions options)
    {
        var errors = new List<string>();
        foreach (var cidr in options.Bypass.Networks.Concat(options.Bypass.TrustedProxies))
        {
            if (!NetworkList.TryParse(cidr, out _))
            {
                errors.Add($"SiteMaintenance:Bypass: '{cidr}' is not an IP network in CIDR notation.");
            }
        }

        if (!options.Sessions.Path.StartsWith('/'))
        {
            errors.Add("SiteMaintenance:Sessions:Path must start with '/'.");
        }

        if (options.Sessions.IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add("SiteMaintenance:Sessions:IdleTimeout must be positive.");
        }

        if (options.TurnAway.RetryAfter < TimeSpan.Zero)
        {
            errors.Add("SiteMaintenance:TurnAway:RetryAfter must not be negative.");
        }

        if (options.LockResyncInterval <= TimeSpan.Zero)
        {
            errors.Add("SiteMaintenance:LockResyncInterval must be positive.");
        }

        if (options.CommandTasks.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            errors.Add("SiteMaintenance:CommandTasks:LeaseDuration must be at least one second.");
        }

        if (!string.IsNullOrEmpty(options.Bypass.Token) && options.Bypass.Token.Length < 16)
        {
            errors.Add("SiteMaintenance:Bypass:Token must be at least 16 characters long.");
        }

        if (options.EffectiveLockSource == LockSource.KubernetesApi && options.EffectiveLockConfigMapName is null)
        {
            errors.Add("SiteMaintenance:LockConfigMapName or SiteMaintenance:Site must be set to read the lock through the Kubernetes API.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
