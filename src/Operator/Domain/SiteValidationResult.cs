using System.Diagnostics.CodeAnalysis;

namespace SiteMaintenance.Operator.Domain;

/// <summary>What <see cref="SiteSpecValidator"/> made of a spec: a definition, or the problems that prevent one.</summary>
internal sealed class SiteValidationResult
{
    private SiteValidationResult(SiteDefinition? definition, IReadOnlyList<SpecProblem> problems)
    {
        Definition = definition;
        Problems = problems;
    }

    /// <summary>The validated, defaulted spec; null when there are problems.</summary>
    public SiteDefinition? Definition { get; }

    /// <summary>Everything found wrong, in field order; empty when valid.</summary>
    public IReadOnlyList<SpecProblem> Problems { get; }

    /// <summary>True when the spec is usable.</summary>
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool IsValid => Definition is not null;

    /// <summary>The reason to report (for a <c>Stalled</c> condition): the first problem's; null when valid.</summary>
    public string? Reason => Problems.Count > 0 ? Problems[0].Reason : null;

    /// <summary>Every problem's message, joined by <c>"; "</c>; empty when valid.</summary>
    public string Message => string.Join("; ", Problems.Select(p => p.Message));

    /// <summary>A valid result.</summary>
    public static SiteValidationResult Valid(SiteDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(definition, []);
    }

    /// <summary>An invalid result; <paramref name="problems"/> must not be empty.</summary>
    public static SiteValidationResult Invalid(IReadOnlyList<SpecProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("An invalid result needs at least one problem.", nameof(problems));
        }

        return new(null, problems);
    }
}
