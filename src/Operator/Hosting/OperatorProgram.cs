using Microsoft.Extensions.DependencyInjection;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// The process entry: reads the flags (<c>--help</c> lists them), the environment and
/// appsettings.json, starts the operator, and runs until SIGTERM or SIGINT. Exit codes: 0 after a
/// clean stop, 1 when the operator failed, 2 for a configuration problem.
/// </summary>
internal static class OperatorProgram
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadConfiguration = 2;

    /// <param name="args">The command line.</param>
    /// <param name="addReconciler">Registers the <c>IReconciler</c>.</param>
    /// <param name="output">Where <c>--help</c> and the listening addresses go.</param>
    /// <param name="error">Where configuration problems go.</param>
    public static async Task<int> RunAsync(string[] args, Action<IServiceCollection> addReconciler, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(addReconciler);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var flags = CommandLine.Parse(args);
        if (flags.HelpRequested)
        {
            await output.WriteAsync(CommandLine.Help());
            return Success;
        }

        if (flags.Errors.Count > 0)
        {
            foreach (var problem in flags.Errors)
            {
                await error.WriteLineAsync($"error: {problem}");
            }

            await error.WriteLineAsync("Run with --help for the flags.");
            return BadConfiguration;
        }

        try
        {
            var configuration = OperatorConfiguration.Build(flags);
            var options = OperatorConfiguration.Read(configuration);
            var settings = new OperatorHostSettings { UseConsoleLifetime = true, Configuration = configuration };
            await using var running = await OperatorHost.StartAsync(options, addReconciler, settings);
            await output.WriteLineAsync($"probes: {new Uri(running.HealthUrl, "/healthz")} {new Uri(running.HealthUrl, "/readyz")}");
            await output.WriteLineAsync(running.MetricsUrl is { } metrics ? $"metrics: {new Uri(metrics, "/metrics")}" : "metrics: off");
            await output.FlushAsync();
            await running.WaitForShutdownAsync();
            if (running.Failure is { } failure)
            {
                await error.WriteLineAsync($"error: {failure}");
                return Failed;
            }

            return Success;
        }
        catch (OperatorConfigurationException e)
        {
            await error.WriteLineAsync(e.Message);
            return BadConfiguration;
        }
        catch (IOException e)
        {
            // Kestrel could not bind a listener (e.g. the port is taken).
            await error.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
    }
}
