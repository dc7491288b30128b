using System.Net;
using System.Net.Sockets;

namespace SiteMaintenance.Benchmarks;

/// <summary>Loopback addresses and ports for the benchmark's listeners.</summary>
internal static class Loopback
{
    private static int _nextAppAddress;

    /// <summary>A port that is free on <paramref name="address"/> now.</summary>
    public static int FreePort(IPAddress address)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// The next address for a fake app pod: 127.88.0.1, 127.88.0.2, … (the whole of 127.0.0.0/8
    /// reaches the loopback interface on Linux), so every pod has its own IP, as in a cluster.
    /// </summary>
    public static IPAddress NextAppAddress()
    {
        var n = Interlocked.Increment(ref _nextAppAddress) - 1;
        if (n >= 250 * 256)
        {
            throw new InvalidOperationException("No loopback addresses left for app pods.");
        }

        return new IPAddress([127, 88, (byte)(n / 250), (byte)((n % 250) + 1)]);
    }
}
