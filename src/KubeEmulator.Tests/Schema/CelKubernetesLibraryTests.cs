namespace SiteMaintenance.Emulator.Tests.Schema;

/// <summary>The URL and quantity libraries the apiserver adds to CEL.</summary>
public sealed class CelKubernetesLibraryTests
{
    [Theory]
    [InlineData("isURL('https://status.example.com/maintenance.html')", true)]
    [InlineData("isURL('status.example.com')", false)]
    [InlineData("url('https://user@status.example.com:8443/a%20b?x=1&x=2&y').getScheme() == 'https'", true)]
    [InlineData("url('https://status.example.com:8443/p').getHost() == 'status.example.com:8443'", true)]
    [InlineData("url('https://[::1]:8443/p').getHostname() == '::1' && url('https://[::1]:8443/p').getPort() == '8443'", true)]
    [InlineData("url('https://example.com/a%20b').getEscapedPath() == '/a%20b'", true)]
    [InlineData("url('https://example.com/?x=1&x=2&y=a+b').getQuery() == {'x': ['1', '2'], 'y': ['a b']}", true)]
    public void Urls(string expression, bool expected)
    {
        CelHarness.Eval(expression).Should().Be(expected);
    }

    [Theory]
    [InlineData("quantity('500Mi').isLessThan(quantity('1Gi'))", true)]
    [InlineData("quantity('1.5') == quantity('1500m')", true)]
    [InlineData("quantity('1k').compareTo(quantity('1000')) == 0", true)]
    [InlineData("quantity('2Gi').asInteger() == 2147483648", true)]
    [InlineData("quantity('1e3').add(quantity('1')).asInteger() == 1001", true)]
    [InlineData("quantity('1').sub(2).sign() == -1", true)]
    [InlineData("!quantity('100m').isInteger() && quantity('100m').asApproximateFloat() == 0.1", true)]
    [InlineData("isQuantity('5 GB')", false)]
    public void Quantities(string expression, bool expected)
    {
        CelHarness.Eval(expression).Should().Be(expected);
    }

    [Fact]
    public void Bad_quantities_and_urls_are_errors()
    {
        CelHarness.Eval("quantity('abc')").Should().Be("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        CelHarness.Eval("url('nope')").Should().Be("error: URL parse error during conversion from string: parse \"nope\": invalid URI for request");
        CelHarness.Eval("quantity('100m').asInteger()").Should().Be("error: cannot convert value to integer");
    }
}
