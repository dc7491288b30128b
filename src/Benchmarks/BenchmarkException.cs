namespace SiteMaintenance.Benchmarks;

/// <summary>A measurement could not be taken (the operator did not do what was expected in time, a request failed).</summary>
internal sealed class BenchmarkException : Exception
{
    public BenchmarkException()
    {
    }

    public BenchmarkException(string message)
        : base(message)
    {
    }

    public BenchmarkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
