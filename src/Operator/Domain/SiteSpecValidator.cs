using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Domain;

/// <summary>
/// Turns a stored SiteMaintenance into a <see cref="SiteDefinition"/>, or into the list of problems
/// that prevent one. Applies the CRD's defaults itself (the object may predate them) and checks
/// what the CRD checks, so an object written before the CRD's validation existed is reported
/// (Stalled), never half-applied and never a crash. Pure: reads nothing but its argument.
/// </summary>
internal static class SiteSpecValidator
{
    private const int MaxMessageRunes = 1024;
    private const int MaxUrlLength = 2048;

    /// <summary>Validates <paramref name="resource"/>'s spec.</summary>
    public static SiteValidationResult Validate(V1Alpha1SiteMaintenance resource)
    {
        ArgumentNullException.ThrowIfNull(resource);

        // Null despite the annotations when the stored JSON says "spec": null or lacks it.
        var spec = resource.Spec;
        if (spec is null)
        {
            return SiteValidationResult.Invalid([new(SpecProblemReasons.MissingSpec, "spec", "spec is required")]);
        }

        var problems = new List<SpecProblem>();
        var mode = WireEnums.Read(
            spec.Mode, SpecDefaults.Mode, WireEnums.Mode, SiteModes.All, SpecProblemReasons.UnknownMode, "spec.mode", problems);
        var message = Message(spec.Message, problems);
        var url = MaintenanceUrl(spec.MaintenanceUrl, problems);
        var sessions = SessionsSpecValidator.Validate(spec.Sessions, problems);
        var drain = DrainSpecValidator.Validate(spec.Drain, problems);
        var ingresses = IngressSpecValidator.Validate(spec.Ingresses, problems);
        RequireUrlForRedirects(spec, problems);
        var lockName = LockName(resource, problems);

        return problems.Count > 0
            ? SiteValidationResult.Invalid(problems)
            : SiteValidationResult.Valid(new(
                mode, spec.Force ?? SpecDefaults.Force, message, url, sessions, drain, ingresses, lockName));
    }

    private static string Message(string? message, List<SpecProblem> problems)
    {
        message ??= "";

        // The schema's maxLength counts characters (runes), not UTF-16 units.
        var runes = message.EnumerateRunes().Count();
        if (runes > MaxMessageRunes)
        {
            problems.Add(new(
                SpecProblemReasons.InvalidMessage,
                "spec.message",
                $"spec.message is {runes} characters long; at most {MaxMessageRunes} are allowed"));
        }

        return message;
    }

    private static string? MaintenanceUrl(string? url, List<SpecProblem> problems)
    {
        if (url is null)
        {
            return null;
        }

        // "http:x" parses in .NET but has no host in Go's parser, so the scheme's "//" is required.
        var valid = url.Length <= MaxUrlLength
            && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            && parsed.Host.Length > 0;
        if (!valid)
        {
            problems.Add(new(
                SpecProblemReasons.InvalidMaintenanceUrl,
                "spec.maintenanceUrl",
                $"spec.maintenanceUrl: \"{url}\" must be an absolute http or https URL, such as https://status.example.com/maintenance.html"));
        }

        return url;
    }

    private static void RequireUrlForRedirects(V1Alpha1SiteMaintenanceSpec spec, List<SpecProblem> problems)
    {
        if (spec.MaintenanceUrl is not null || spec.Ingresses is null)
        {
            return;
        }

        var index = spec.Ingresses.FindIndex(i => i is not null && (i.Profile ?? SpecDefaults.IngressProfile) == IngressProfiles.NginxRedirect);
        if (index >= 0)
        {
            problems.Add(new(
                SpecProblemReasons.MissingMaintenanceUrl,
                "spec.maintenanceUrl",
                $"spec.maintenanceUrl is required: spec.ingresses[{index}] (\"{spec.Ingresses[index].Name}\") uses the NginxRedirect profile"));
        }
    }

    private static string LockName(V1Alpha1SiteMaintenance resource, List<SpecProblem> problems)
    {
        var given = resource.Spec.Lock?.ConfigMapName;
        var name = given ?? (resource.Metadata?.Name ?? "") + SpecDefaults.LockConfigMapSuffix;
        if (!KubernetesNames.IsDns1123Subdomain(name))
        {
            problems.Add(given is null
                ? new(
                    SpecProblemReasons.InvalidLockName,
                    "spec.lock.configMapName",
                    $"the default lock ConfigMap name \"{name}\" is not a valid ConfigMap name (too long?); set spec.lock.configMapName")
                : new(
                    SpecProblemReasons.InvalidLockName,
                    "spec.lock.configMapName",
                    $"spec.lock.configMapName: \"{name}\" is not a valid ConfigMap name (a lower-case DNS subdomain of at most 253 characters)"));
        }

        return name;
    }
}
