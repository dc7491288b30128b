using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Benchmarks.Cluster;

namespace SiteMaintenance.Benchmarks.Apps;

/// <summary>
/// Fake app pods that answer the sessions endpoint over real HTTP: one Kestrel server listening
/// on one loopback address per pod, all on the same port (as the pods of a Deployment share a
/// container port). Counts the requests, the most served at once, and the TCP connections
/// accepted, so a poll's concurrency and connection reuse can be seen from the outside.
/// </summary>
internal sealed class AppFleet : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<IPAddress, AppPod> _byAddress;
    private int _inFlight;
    private int _maxInFlight;
    private long _requests;
    private long _connections;

    private AppFleet(WebApplication app, IReadOnlyList<AppPod> pods, int port)
    {
        _app = app;
        Pods = pods;
        Port = port;
        _byAddress = pods.ToDictionary(p => p.Address);
    }

    public IReadOnlyList<AppPod> Pods { get; }

    public int Port { get; }

    /// <summary>Requests answered since the last <see cref="ResetCounters"/>.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>TCP connections accepted since the last <see cref="ResetCounters"/>.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>The most requests in progress at once since the last <see cref="ResetCounters"/>.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxInFlight);

    /// <summary>Starts <paramref name="count"/> pods named <paramref name="prefix"/>-0, -1, … on fresh loopback addresses.</summary>
    public static async Task<AppFleet> StartAsync(string prefix, int count)
    {
        for (var attempt = 1; ; attempt++)
        {
            var pods = Enumerable.Range(0, count)
                .Select(i => new AppPod(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}"), Loopback.NextAppAddress()))
                .ToList();
            var port = Loopback.FreePort(pods[0].Address);
            try
            {
                return await StartAsync(pods, port);
            }
            catch (IOException) when (attempt < 5)
            {
                // The port was taken on one of the addresses meanwhile: other addresses, another port.
            }
        }
    }

    /// <summary>Creates each pod's Pod object (label <c>app=</c><paramref name="appOf"/>(index)) and makes it Running and Ready with its address.</summary>
    public async Task RegisterAsync(KubeApi api, string ns, Func<int, string> appOf)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(appOf);
        await BenchCluster.ForEachAsync(Pods.Count, 8, async i =>
        {
            var pod = Pods[i];
            await api.CreateAsync(Paths.Pods(ns), Manifests.Pod(ns, pod.Name, appOf(i)));
            await api.MergePatchAsync(Paths.PodStatus(ns, pod.Name), Manifests.RunningStatus(pod.Address));
        });
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _connections, 0);
        Volatile.Write(ref _maxInFlight, 0);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    private static async Task<AppFleet> StartAsync(List<AppPod> pods, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        AppFleet? fleet = null;
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var pod in pods)
            {
                kestrel.Listen(pod.Address, port, listen => listen.Use(next => connection =>
                {
                    Interlocked.Increment(ref fleet!._connections);
                    return next(connection);
                }));
            }
        });
        var app = builder.Build();
        app.Run(context => fleet!.HandleAsync(context));
        fleet = new AppFleet(app, pods, port);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return fleet;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int max;
            while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
            {
            }

            if (context.Request.Path != Manifests.SessionsPath
                || context.Connection.LocalIpAddress is not { } address
                || !_byAddress.TryGetValue(address, out var pod))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"activeSessions\":{pod.Answer()}}}"));
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            Interlocked.Increment(ref _requests);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
