namespace SiteMaintenance.Operator.Domain;

/// <summary>One thing wrong with a SiteMaintenance spec.</summary>
/// <param name="Reason">A CamelCase reason, one of <see cref="SpecProblemReasons"/>, fit for a condition or an Event.</param>
/// <param name="Field">The field's path, e.g. <c>spec.drain.timeout</c> or <c>spec.ingresses[1].middleware</c>.</param>
/// <param name="Message">A sentence for people that names the field and says what is expected.</param>
internal sealed record SpecProblem(string Reason, string Field, string Message);
