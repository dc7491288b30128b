using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Domain;

/// <summary>Validates and defaults <c>spec.ingresses</c>.</summary>
internal static class IngressSpecValidator
{
    private const string Field = "spec.ingresses";
    private const int MaxMiddlewareLength = 512;

    /// <summary>Annotation keys under this prefix belong to the operator (it saves the previous values there).</summary>
    public const string ReservedAnnotationPrefix = V1Alpha1SiteMaintenance.KubeGroup + "/";

    /// <summary>The switches in spec order; problems are added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<IngressSwitch> Validate(IReadOnlyList<V1Alpha1IngressTarget?>? targets, List<SpecProblem> problems)
    {
        var switches = new List<IngressSwitch>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (targets?.Count ?? 0); i++)
        {
            var field = $"{Field}[{i}]";
            var target = targets![i];
            if (target is null)
            {
                problems.Add(new(SpecProblemReasons.InvalidIngress, field, $"{field} must be an object with a name"));
                continue;
            }

            if (ValidateOne(target, field, names, problems) is { } valid)
            {
                switches.Add(valid);
            }
        }

        return switches;
    }

    private static IngressSwitch? ValidateOne(V1Alpha1IngressTarget target, string field, HashSet<string> names, List<SpecProblem> problems)
    {
        var before = problems.Count;
        if (!KubernetesNames.IsDns1123Subdomain(target.Name))
        {
            Invalid(problems, $"{field}.name", $"{field}.name: \"{target.Name}\" is not a valid Ingress name (a lower-case DNS subdomain)");
        }
        else if (!names.Add(target.Name))
        {
            problems.Add(new(
                SpecProblemReasons.DuplicateIngress,
                $"{field}.name",
                $"{field}.name: Ingress \"{target.Name}\" is listed more than once"));
        }

        var profileText = target.Profile ?? SpecDefaults.IngressProfile;
        var profile = WireEnums.Profile(profileText);
        if (profile is null)
        {
            problems.Add(new(
                SpecProblemReasons.UnknownProfile,
                $"{field}.profile",
                $"{field}.profile: \"{profileText}\" is not one of {string.Join(", ", IngressProfiles.All)}"));
        }

        CheckMiddleware(target, profile, field, problems);
        var annotations = CheckAnnotations(target, profile, field, problems);
        return problems.Count == before
            ? new(target.Name, profile!.Value, target.Middleware, annotations)
            : null;
    }

    private static void CheckMiddleware(V1Alpha1IngressTarget target, IngressProfile? profile, string field, List<SpecProblem> problems)
    {
        var middleware = target.Middleware;
        if (profile == IngressProfile.TraefikMiddleware && string.IsNullOrEmpty(middleware))
        {
            Invalid(problems, $"{field}.middleware", $"{field}.middleware is required with the TraefikMiddleware profile, e.g. shop-maintenance@kubernetescrd");
        }
        else if (middleware is not null && profile is not null && profile != IngressProfile.TraefikMiddleware)
        {
            Invalid(problems, $"{field}.middleware", $"{field}.middleware is only used with the TraefikMiddleware profile, not {profile}");
        }
        else if (middleware is not null
            && (middleware.Length > MaxMiddlewareLength || middleware.Any(c => c == ',' || char.IsWhiteSpace(c))))
        {
            Invalid(problems, $"{field}.middleware", $"{field}.middleware: \"{middleware}\" must be one middleware reference (no commas or whitespace), at most {MaxMiddlewareLength} characters");
        }
    }

    private static Dictionary<string, string> CheckAnnotations(
        V1Alpha1IngressTarget target, IngressProfile? profile, string field, List<SpecProblem> problems)
    {
        var annotations = target.Annotations ?? [];
        if (profile == IngressProfile.Custom && annotations.Count == 0)
        {
            Invalid(problems, $"{field}.annotations", $"{field}.annotations are required (and must not be empty) with the Custom profile");
        }
        else if (annotations.Count > 0 && profile is not null && profile != IngressProfile.Custom)
        {
            Invalid(problems, $"{field}.annotations", $"{field}.annotations are only used with the Custom profile, not {profile}");
        }

        foreach (var (key, value) in annotations)
        {
            if (!KubernetesNames.IsQualifiedName(key))
            {
                Invalid(problems, $"{field}.annotations", $"{field}.annotations: \"{key}\" is not a valid annotation key");
            }
            else if (key.StartsWith(ReservedAnnotationPrefix, StringComparison.Ordinal))
            {
                Invalid(problems, $"{field}.annotations", $"{field}.annotations: \"{key}\" is reserved (keys under {ReservedAnnotationPrefix} belong to the operator)");
            }
            else if (value is null)
            {
                Invalid(problems, $"{field}.annotations", $"{field}.annotations[{key}] must be a string, not null");
            }
        }

        return new(annotations, StringComparer.Ordinal);
    }

    private static void Invalid(List<SpecProblem> problems, string field, string message) =>
        problems.Add(new(SpecProblemReasons.InvalidIngress, field, message));
}
