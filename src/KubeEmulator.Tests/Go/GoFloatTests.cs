using SiteMaintenance.Emulator.Go;

namespace SiteMaintenance.Emulator.Tests.Go;

public sealed class GoFloatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(3.0, "3")]
    [InlineData(1.5, "1.5")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(123456.0, "123456")]
    [InlineData(1e6, "1e+06")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0")]
    [InlineData(0.00012345678901234567, "0.00012345678901234567")]
    public void Sprint_uses_the_shortest_digits_with_exponents_from_1e6(double value, string expected)
    {
        GoFloat.FormatG(value).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e6, "1000000")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(-1.25e-10, "-1.25e-10")]
    [InlineData(-0.0, "-0")]
    public void Json_switches_to_exponents_below_1e_minus_6_and_from_1e21(double value, string expected)
    {
        GoFloat.FormatJson(value).Should().Be(expected);
    }
}
