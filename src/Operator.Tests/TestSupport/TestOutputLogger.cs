using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>Writes an in-process operator's log to the test's output (shown when a test fails).</summary>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output, string prefix = "") : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, prefix, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string prefix, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {prefix}{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.Message)}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended; its output is closed.
            }
        }
    }
}
