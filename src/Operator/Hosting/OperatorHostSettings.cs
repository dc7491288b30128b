using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Operator.Runtime;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>How the process hosts the operator (the <c>Program</c> entry and tests differ here, not in <see cref="OperatorOptions"/>).</summary>
internal sealed record OperatorHostSettings
{
    /// <summary>Stop on SIGTERM/SIGINT (the process entry); in-process hosts are stopped by their owner.</summary>
    public bool UseConsoleLifetime { get; init; }

    /// <summary>Configuration for the host itself, e.g. <c>Logging:LogLevel</c>.</summary>
    public IConfiguration? Configuration { get; init; }

    /// <summary>Replaces the console logger (tests capture logs).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The informers' reconnect backoff; client-go's reflector backoff when null.</summary>
    public Func<TimeProvider, ExponentialBackoff>? WatchBackoff { get; init; }
}
