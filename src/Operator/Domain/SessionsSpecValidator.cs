using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Domain;

/// <summary>Validates and defaults <c>spec.sessions</c>.</summary>
internal static class SessionsSpecValidator
{
    private const string Field = "spec.sessions";
    private const int MaxPathLength = 1024;
    private const int MaxRequestTimeoutSeconds = 60;

    /// <summary>The settings, or null when <paramref name="spec"/> is null or has problems (added to <paramref name="problems"/>).</summary>
    public static SessionsSettings? Validate(V1Alpha1SessionsSpec? spec, List<SpecProblem> problems)
    {
        if (spec is null)
        {
            return null;
        }

        var before = problems.Count;
        var selectorValid = LabelSelectorValidator.Validate(spec.PodSelector, $"{Field}.podSelector", problems);

        var port = spec.Port ?? SpecDefaults.SessionsPort;
        if (port is < 1 or > 65535)
        {
            problems.Add(new(SpecProblemReasons.InvalidPort, $"{Field}.port", $"{Field}.port: {port} is not a port number (1-65535)"));
        }

        var path = spec.Path ?? SpecDefaults.SessionsPath;
        if (!path.StartsWith('/') || path.Length > MaxPathLength || path.Any(char.IsWhiteSpace))
        {
            problems.Add(new(
                SpecProblemReasons.InvalidPath,
                $"{Field}.path",
                $"{Field}.path: \"{path}\" must start with '/', hold no whitespace and be at most {MaxPathLength} characters"));
        }

        var token = Token(spec.TokenSecretRef, problems);
        var aggregation = WireEnums.Read(
            spec.Aggregation,
            SpecDefaults.SessionsAggregation,
            WireEnums.Aggregation,
            SessionAggregations.All,
            SpecProblemReasons.UnknownAggregation,
            $"{Field}.aggregation",
            problems);
        var onUnreachable = WireEnums.Read(
            spec.OnUnreachable,
            SpecDefaults.SessionsOnUnreachable,
            WireEnums.OnUnreachable,
            UnreachablePolicies.All,
            SpecProblemReasons.UnknownOnUnreachable,
            $"{Field}.onUnreachable",
            problems);
        var timeout = SpecDurations.PositiveAtMost(
            spec.Timeout, SpecDefaults.SessionsTimeout, MaxRequestTimeoutSeconds, $"{Field}.timeout", problems);

        if (problems.Count != before || !selectorValid)
        {
            return null;
        }

        return new(LabelSelectorFormatter.Format(spec.PodSelector), port, path, token, aggregation, onUnreachable, timeout);
    }

    private static SecretKeyReference? Token(V1Alpha1SecretKeyRef? reference, List<SpecProblem> problems)
    {
        if (reference is null)
        {
            return null;
        }

        const string field = Field + ".tokenSecretRef";
        var valid = true;
        if (!KubernetesNames.IsDns1123Subdomain(reference.Name))
        {
            problems.Add(new(
                SpecProblemReasons.InvalidTokenSecretRef,
                $"{field}.name",
                $"{field}.name: \"{reference.Name}\" is not a valid Secret name (a lower-case DNS subdomain)"));
            valid = false;
        }

        if (!KubernetesNames.IsConfigMapKey(reference.Key))
        {
            problems.Add(new(
                SpecProblemReasons.InvalidTokenSecretRef,
                $"{field}.key",
                $"{field}.key: \"{reference.Key}\" is not a valid Secret key (letters, digits, '-', '_' or '.')"));
            valid = false;
        }

        return valid ? new(reference.Name, reference.Key) : null;
    }
}
