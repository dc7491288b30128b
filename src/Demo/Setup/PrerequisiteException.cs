namespace SiteMaintenance.Demo.Setup;

/// <summary>Something the demo needs is missing; the message says what to do.</summary>
internal sealed class PrerequisiteException : Exception
{
    public PrerequisiteException()
    {
    }

    public PrerequisiteException(string message)
        : base(message)
    {
    }

    public PrerequisiteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
