namespace SiteMaintenance.Operator.Tests.TestSupport;

/// <summary>A client-side network partition: while <see cref="Failing"/>, every request fails as if the server were unreachable.</summary>
internal sealed class SwitchableFailureHandler : DelegatingHandler
{
    private volatile bool _failing;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _failing
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("simulated network partition"))
            : base.SendAsync(request, cancellationToken);
}
