using System.Collections.Concurrent;
using System.Net;
using System.Text;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SiteMaintenance.Operator.Tests.Reconcile.Support;

/// <summary>
/// A fake application Pod: a real Kestrel server on its own loopback address answering the
/// sessions endpoint, registered as a Pod object with that <c>podIP</c> (its <c>/status</c> is
/// written as a kubelet would: Running, Ready=True).
/// </summary>
internal sealed class FakeAppPod : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrencyGauge _gauge;
    private volatile FakeAnswer _answer;
    private int _stopped;

    private FakeAppPod(string name, IPAddress address, int port, WebApplication app, FakeAnswer answer, ConcurrencyGauge gauge)
    {
        _gauge = gauge;
        Name = name;
        Address = address;
        Port = port;
        _app = app;
        _answer = answer;
    }

    public string Name { get; }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>What it answers from now on.</summary>
    public FakeAnswer Answer
    {
        get => _answer;
        set => _answer = value;
    }

    /// <summary>Every request: path and query, and the Authorization header (null when absent).</summary>
    public ConcurrentQueue<(string PathAndQuery, string? Authorization)> Requests { get; } = new();

    /// <summary>Starts a server on <paramref name="address"/>:<paramref name="port"/> (0: any free port).</summary>
    public static async Task<FakeAppPod> StartAsync(string name, IPAddress address, int port, FakeAnswer answer, ConcurrencyGauge gauge)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        FakeAppPod? pod = null;
        app.Run(context => pod!.HandleAsync(context));
        await app.StartAsync();
        var bound = new Uri(app.Urls.First()).Port;
        pod = new FakeAppPod(name, address, bound, app, answer, gauge);
        return pod;
    }

    /// <summary>Creates the Pod object with <paramref name="labels"/> and makes it Running with this server's address.</summary>
    public Task RegisterAsync(IKubernetes client, string @namespace, IDictionary<string, string> labels, bool ready = true, string phase = "Running") =>
        PodObjects.RegisterAsync(client, @namespace, Name, Address, labels, ready, phase);

    /// <summary>Stops serving: the address refuses connections from now on (the Pod object stays).</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var counted = _gauge.Enter();
        Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.FirstOrDefault()));
        var answer = _answer;
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        if (answer.Location is not null)
        {
            context.Response.Headers.Location = answer.Location;
        }

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        if (!answer.Chunked)
        {
            context.Response.ContentLength = bytes.Length;
        }

        try
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up (timeout or size cap).
        }
    }
}
