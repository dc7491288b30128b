namespace SiteMaintenance.Benchmarks.Operators;

/// <summary>How to start one build of the operator.</summary>
/// <param name="Name"><c>normal</c> (JIT, <c>dotnet site-maintenance-operator.dll</c>) or <c>aot</c> (the NativeAOT binary).</param>
/// <param name="FileName">The program to run.</param>
/// <param name="LeadingArguments">Arguments before the operator's flags (the dll for <c>dotnet</c>).</param>
internal sealed record OperatorBuild(string Name, string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The normal build, next to the benchmark (the project references the operator).</summary>
    public static OperatorBuild Normal() =>
        new("normal", "dotnet", [Path.Combine(AppContext.BaseDirectory, "site-maintenance-operator.dll")]);

    /// <summary>The NativeAOT binary at <paramref name="path"/> (<c>make publish-aot</c>).</summary>
    public static OperatorBuild Aot(string path) => new("aot", Path.GetFullPath(path), []);
}
