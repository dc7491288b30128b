using System.Globalization;
using System.Net;

namespace SiteMaintenance.Demo.Cli;

/// <summary>The demo's flags (<c>--flag value</c> or <c>--flag=value</c>) and its <c>--help</c>.</summary>
internal static class DemoCommandLine
{
    public const string Help = """
        SiteMaintenance.Demo: the site-maintenance product on loopback, and its story in the terminal.

        Usage: make demo [NO_WAIT=1] [DEMO_ARGS="..."]
               dotnet src/Demo/bin/Release/net10.0/SiteMaintenance.Demo.dll [flags]

        Starts a Kubernetes API emulator, the shop's pods (real processes on loopback addresses),
        the operator and the kubectl plugin; plays the story (users log in, the site goes PENDING,
        sessions drain, OFFLINE, back ONLINE); then stays up until Ctrl-C.

        Flags:
          --no-wait                 Stop everything and exit once the story is played (for CI).
          --port N                  The port of every pod. Default: 8080.
          --pod-addresses A,B,C     The pods' loopback addresses (1 to 5). Default: 127.0.0.2,127.0.0.3,127.0.0.4.
          --api-port N              The API emulator's port. Default: 0 (any free port).
          --migration-seconds N     How long the story's migration holds its CommandTask. Default: 12.
          --state-dir DIR           Where the kubeconfig, logs and keys go. Default: .demo in the repository.
          --repository DIR          The repository's root. Default: found from the program's location.
          -h, --help                Show this help.

        Exit codes: 0 done (or stopped with Ctrl-C while waiting), 1 the story failed,
        2 a prerequisite is missing or a flag is wrong, 130 interrupted during the story.
        """;

    /// <summary>Reads <paramref name="args"/>; problems are listed, never thrown.</summary>
    public static DemoCommandLineParse Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DemoOptions();
        var errors = new List<string>();
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                help = true;
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            string? inline = equals < 0 ? null : arg[(equals + 1)..];
            if (name == "--no-wait")
            {
                options = options with { NoWait = inline is null || inline == "true" };
                continue;
            }

            if (name is not ("--port" or "--pod-addresses" or "--api-port" or "--migration-seconds" or "--state-dir" or "--repository"))
            {
                errors.Add(arg.StartsWith('-') ? $"unknown flag '{arg}'" : $"unexpected argument '{arg}'");
                continue;
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                errors.Add($"{name} needs a value");
                continue;
            }

            options = name switch
            {
                "--port" => options with { Port = Number(name, value, 1, 65535, errors, options.Port) },
                "--api-port" => options with { ApiPort = Number(name, value, 0, 65535, errors, options.ApiPort) },
                "--migration-seconds" => options with { MigrationSeconds = Number(name, value, 1, 600, errors, options.MigrationSeconds) },
                "--pod-addresses" => options with { PodAddresses = Addresses(value, errors) },
                "--state-dir" => options with { StateDirectory = value },
                _ => options with { Repository = value },
            };
        }

        return new DemoCommandLineParse(options, errors, help);
    }

    private static int Number(string name, string value, int min, int max, List<string> errors, int fallback)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add($"{name} takes a number from {min} to {max}, not '{value}'");
        return fallback;
    }

    private static string[] Addresses(string value, List<string> errors)
    {
        var addresses = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length is < 1 or > 5)
        {
            errors.Add($"--pod-addresses takes 1 to 5 addresses, not {addresses.Length}");
        }

        foreach (var address in addresses)
        {
            if (!IPAddress.TryParse(address, out var ip) || !IPAddress.IsLoopback(ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                errors.Add($"--pod-addresses: '{address}' is not an IPv4 loopback address (127.x.y.z)");
            }
        }

        if (addresses.Distinct(StringComparer.Ordinal).Count() != addresses.Length)
        {
            errors.Add("--pod-addresses: each pod needs its own address");
        }

        return addresses;
    }
}

/// <summary>What the command line said.</summary>
internal sealed record DemoCommandLineParse(DemoOptions Options, IReadOnlyList<string> Errors, bool HelpRequested);
