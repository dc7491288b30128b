using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Tests.Domain;

// Cases from Go's time.ParseDuration and Duration.String tests (time/time_test.go).
public sealed class GoDurationTests
{
    private const long Ns = 1;
    private const long Us = 1000 * Ns;
    private const long Ms = 1000 * Us;
    private const long S = 1000 * Ms;
    private const long M = 60 * S;
    private const long H = 60 * M;

    public static TheoryData<string, long> Valid => new()
    {
        { "0", 0 },
        { "5s", 5 * S },
        { "30s", 30 * S },
        { "1478s", 1478 * S },
        { "-5s", -5 * S },
        { "+5s", 5 * S },
        { "-0", 0 },
        { "+0", 0 },
        { "5.0s", 5 * S },
        { "5.6s", (5 * S) + (600 * Ms) },
        { "5.s", 5 * S },
        { ".5s", 500 * Ms },
        { "1.0s", 1 * S },
        { "1.00s", 1 * S },
        { "1.004s", (1 * S) + (4 * Ms) },
        { "1.0040s", (1 * S) + (4 * Ms) },
        { "100.00100s", (100 * S) + (1 * Ms) },
        { "10ns", 10 * Ns },
        { "11us", 11 * Us },
        { "12\u00b5s", 12 * Us },
        { "12\u03bcs", 12 * Us },
        { "13ms", 13 * Ms },
        { "14s", 14 * S },
        { "15m", 15 * M },
        { "16h", 16 * H },
        { "3h30m", (3 * H) + (30 * M) },
        { "1h30m", 90 * M },
        { "1.5h", 90 * M },
        { "90s", 90 * S },
        { "300ms", 300 * Ms },
        { "10.5s4m", (4 * M) + (10 * S) + (500 * Ms) },
        { "-2m3.4s", -((2 * M) + (3 * S) + (400 * Ms)) },
        { "1h2m3s4ms5us6ns", (1 * H) + (2 * M) + (3 * S) + (4 * Ms) + (5 * Us) + (6 * Ns) },
        { "39h9m14.425s", (39 * H) + (9 * M) + (14 * S) + (425 * Ms) },
        { "52763797000ns", 52763797000 * Ns },
        { "0.3333333333333333333h", 20 * M },
        { "9007199254740993ns", (1L << 53) + 1 },
        { "9223372036854775807ns", long.MaxValue },
        { "9223372036854775.807us", long.MaxValue },
        { "9223372036s854ms775us807ns", long.MaxValue },
        { "-9223372036854775808ns", long.MinValue },
        { "-2562047h47m16.854775808s", long.MinValue },
        { "0.100000000000000000000h", 6 * M },
        { "0.830103483285477580700h", (49 * M) + (48 * S) + (372539827 * Ns) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_what_Go_parses(string text, long nanoseconds)
    {
        GoDuration.TryParseNanoseconds(text, out var parsed, out var error).Should().BeTrue(error);
        parsed.Should().Be(nanoseconds);
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("3", "time: missing unit in duration \"3\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".", "time: invalid duration \".\"")]
    [InlineData("-.", "time: invalid duration \"-.\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("+.s", "time: invalid duration \"+.s\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("1h 30m", "time: unknown unit \"h \" in duration \"1h 30m\"")]
    [InlineData(" 1h", "time: invalid duration \" 1h\"")]
    [InlineData("1.5", "time: missing unit in duration \"1.5\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData("9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\"")]
    [InlineData("9223372036854ms775us808ns", "time: invalid duration \"9223372036854ms775us808ns\"")]
    [InlineData("-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\"")]
    [InlineData("3000000h", "time: invalid duration \"3000000h\"")]
    public void Rejects_what_Go_rejects_with_its_message(string text, string message)
    {
        GoDuration.TryParseNanoseconds(text, out _, out var error).Should().BeFalse();
        error.Should().Be(message);
        GoDuration.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Rejects_null()
    {
        GoDuration.TryParse(null, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("1h30m", 90 * 60 * 1000)]
    [InlineData("2s", 2000)]
    [InlineData("1.5h", 90 * 60 * 1000)]
    public void Gives_a_TimeSpan(string text, int milliseconds)
    {
        GoDuration.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Fact]
    public void Truncates_to_TimeSpan_ticks()
    {
        GoDuration.TryParse("1234ns", out var value).Should().BeTrue();
        value.Ticks.Should().Be(12);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1 * Ns, "1ns")]
    [InlineData(1100 * Ns, "1.1\u00b5s")]
    [InlineData(2200 * Us, "2.2ms")]
    [InlineData(3300 * Ms, "3.3s")]
    [InlineData((4 * M) + (5 * S), "4m5s")]
    [InlineData((4 * M) + (5001 * Ms), "4m5.001s")]
    [InlineData((5 * H) + (6 * M) + (7001 * Ms), "5h6m7.001s")]
    [InlineData((8 * M) + (1 * Ns), "8m0.000000001s")]
    [InlineData(90 * M, "1h30m0s")]
    [InlineData(15 * M, "15m0s")]
    [InlineData(-1 * Ns, "-1ns")]
    [InlineData(-(90 * S), "-1m30s")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    public void Formats_as_Go_does(long nanoseconds, string text)
    {
        GoDuration.Format(nanoseconds).Should().Be(text);
    }

    [Fact]
    public void Formats_a_TimeSpan_and_saturates_beyond_Go_range()
    {
        GoDuration.Format(TimeSpan.FromMinutes(15)).Should().Be("15m0s");
        GoDuration.Format(TimeSpan.MaxValue).Should().Be("2562047h47m16.854775807s");
    }

    [Theory]
    [InlineData("1h30m")]
    [InlineData("1.5s")]
    [InlineData("300ms")]
    [InlineData("-4m5.001s")]
    public void Format_output_parses_back(string text)
    {
        GoDuration.TryParseNanoseconds(text, out var nanoseconds, out _).Should().BeTrue();
        GoDuration.TryParseNanoseconds(GoDuration.Format(nanoseconds), out var again, out _).Should().BeTrue();
        again.Should().Be(nanoseconds);
    }
}
