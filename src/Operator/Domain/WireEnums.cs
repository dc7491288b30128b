using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.Operator.Domain;

/// <summary>
/// Maps the wire's enum strings to the domain enums: exact, case-sensitive matches of the schema's
/// values (Enum.TryParse would also take numbers and comma lists).
/// </summary>
internal static class WireEnums
{
    public static SiteMode? Mode(string value) => value switch
    {
        SiteModes.Online => SiteMode.Online,
        SiteModes.Offline => SiteMode.Offline,
        _ => null,
    };

    public static SessionAggregation? Aggregation(string value) => value switch
    {
        SessionAggregations.Auto => SessionAggregation.Auto,
        SessionAggregations.Sum => SessionAggregation.Sum,
        SessionAggregations.Max => SessionAggregation.Max,
        _ => null,
    };

    public static UnreachablePolicy? OnUnreachable(string value) => value switch
    {
        UnreachablePolicies.Block => UnreachablePolicy.Block,
        UnreachablePolicies.Ignore => UnreachablePolicy.Ignore,
        _ => null,
    };

    public static DrainTimeoutAction? OnTimeout(string value) => value switch
    {
        DrainTimeoutActions.Offline => DrainTimeoutAction.Offline,
        DrainTimeoutActions.Online => DrainTimeoutAction.Online,
        DrainTimeoutActions.Wait => DrainTimeoutAction.Wait,
        _ => null,
    };

    public static IngressProfile? Profile(string value) => value switch
    {
        IngressProfiles.NginxRedirect => IngressProfile.NginxRedirect,
        IngressProfiles.TraefikMiddleware => IngressProfile.TraefikMiddleware,
        IngressProfiles.Custom => IngressProfile.Custom,
        _ => null,
    };

    /// <summary>
    /// Reads an enum field: its default when absent, else the parsed value; an unknown value adds
    /// a problem with <paramref name="reason"/> and gives the default.
    /// </summary>
    public static T Read<T>(
        string? value,
        string defaultValue,
        Func<string, T?> parse,
        IReadOnlyList<string> allowed,
        string reason,
        string field,
        List<SpecProblem> problems)
        where T : struct, Enum
    {
        if (parse(value ?? defaultValue) is { } parsed)
        {
            return parsed;
        }

        problems.Add(new(reason, field, $"{field}: \"{value}\" is not one of {string.Join(", ", allowed)}"));
        return parse(defaultValue) ?? default;
    }
}
