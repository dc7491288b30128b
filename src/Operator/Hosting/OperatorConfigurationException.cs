namespace SiteMaintenance.Operator.Hosting;

/// <summary>The configuration has problems; the message lists them all.</summary>
internal sealed class OperatorConfigurationException : Exception
{
    public OperatorConfigurationException()
    {
        Problems = [];
    }

    public OperatorConfigurationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public OperatorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public OperatorConfigurationException(IReadOnlyList<string> problems)
        : base("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => "  - " + p)))
    {
        Problems = problems ?? [];
    }

    public IReadOnlyList<string> Problems { get; }
}
