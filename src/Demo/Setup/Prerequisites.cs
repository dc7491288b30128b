using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SiteMaintenance.Demo.Cli;

namespace SiteMaintenance.Demo.Setup;

/// <summary>
/// What must hold before the demo starts anything: the programs are built, kubectl runs, and
/// every pod's address and port can be listened on. Each failure says what to do.
/// </summary>
internal static class Prerequisites
{
    public static async Task CheckAsync(RepositoryLayout layout, DemoOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        if (Environment.Version.Major < 10)
        {
            throw new PrerequisiteException($"The demo needs .NET 10 or later; it runs on {Environment.Version}. Install the .NET 10 SDK (https://dot.net).");
        }

        var missing = layout.RequiredFiles.Where(f => !File.Exists(f)).Select(layout.Display).ToList();
        if (missing.Count > 0)
        {
            throw new PrerequisiteException(
                $"Not built yet: {string.Join(", ", missing)}. Run `make demo` (it builds everything first), or `dotnet build src/Demo -c Release`.");
        }

        await CheckKubectlAsync(cancellationToken);
        foreach (var address in options.PodAddresses)
        {
            CheckCanListen(address, options.Port, "--port");
        }

        if (options.ApiPort != 0)
        {
            CheckCanListen("127.0.0.1", options.ApiPort, "--api-port");
        }
    }

    private static async Task CheckKubectlAsync(CancellationToken cancellationToken)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "kubectl")));
        if (!onPath)
        {
            throw new PrerequisiteException("kubectl is not on PATH. Install it (https://kubernetes.io/docs/tasks/tools/) and run `make demo` again.");
        }

        try
        {
            using var kubectl = Process.Start(new ProcessStartInfo("kubectl", ["version", "--client"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new PrerequisiteException("kubectl could not be started.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var error = kubectl.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await kubectl.StandardOutput.ReadToEndAsync(timeout.Token);
                await kubectl.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new PrerequisiteException("`kubectl version --client` did not answer within 30 s.");
            }
            finally
            {
                if (!kubectl.HasExited)
                {
                    kubectl.Kill(entireProcessTree: true);
                }
            }

            if (kubectl.ExitCode != 0)
            {
                throw new PrerequisiteException($"`kubectl version --client` failed (exit code {kubectl.ExitCode}): {(await error).Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PrerequisiteException($"kubectl could not be started: {e.Message}", e);
        }
    }

    private static void CheckCanListen(string address, int port, string flag)
    {
        var listener = new TcpListener(IPAddress.Parse(address), port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new PrerequisiteException(
                $"Port {port} on {address} is already in use (another demo, or another program: `ss -ltnp` shows which). "
                + $"Stop it, or pick another port: make demo DEMO_ARGS=\"{flag} {port + 10}\".", e);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AccessDenied)
        {
            throw new PrerequisiteException(
                $"Cannot listen on {address}:{port} ({e.Message}). Each pod needs its own loopback address; on macOS add them first: "
                + $"sudo ifconfig lo0 alias {address} up.", e);
        }
        finally
        {
            listener.Stop();
        }
    }
}
