namespace SiteMaintenance.Operator.Domain;

/// <summary>What happens when the drain timeout passes with work left (<c>spec.drain.onTimeout</c>).</summary>
internal enum DrainTimeoutAction
{
    /// <summary>Go offline anyway.</summary>
    Offline,

    /// <summary>Give up and return to Online.</summary>
    Online,

    /// <summary>Keep waiting.</summary>
    Wait,
}
