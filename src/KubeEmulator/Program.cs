using SiteMaintenance.Emulator;

// Standalone mode: `dotnet run --project src/KubeEmulator -- --port 0 --kubeconfig <file>`.
// Binds 127.0.0.1, writes a kubeconfig, prints the URL, and serves until SIGINT/SIGTERM.
var port = 0;
string? kubeconfig = null;
var address = "127.0.0.1";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p):
            port = p;
            i++;
            break;
        case "--kubeconfig" when i + 1 < args.Length:
            kubeconfig = args[++i];
            break;
        case "--address" when i + 1 < args.Length:
            address = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: kube-emulator [--port N] [--kubeconfig FILE] [--address 127.0.0.1]");
            Console.WriteLine("A Kubernetes API emulator for tests and local demos (not a cluster).");
            return 0;
        default:
            Console.Error.WriteLine($"kube-emulator: unknown argument '{args[i]}' (try --help)");
            return 2;
    }
}

await using var api = await KubeEmulator.StartAsync(new EmulatorOptions { Port = port, KubeconfigPath = kubeconfig, Address = address });
Console.WriteLine(api.Url.ToString().TrimEnd('/'));
Console.WriteLine($"kubeconfig: {api.KubeconfigPath}");

using var stop = new CancellationTokenSource();
using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Asked to stop.
}

return 0;
