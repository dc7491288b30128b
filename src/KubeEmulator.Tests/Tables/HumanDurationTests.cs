using SiteMaintenance.Emulator.Tables;

namespace SiteMaintenance.Emulator.Tests.Tables;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-3_000, "<invalid>")]
    [InlineData(-2_000, "<invalid>")]
    [InlineData(-1_999, "0s")]
    [InlineData(-1_000, "0s")]
    [InlineData(-500, "0s")]
    [InlineData(0, "0s")]
    [InlineData(999, "0s")]
    [InlineData(5_000, "5s")]
    [InlineData(59_900, "59s")]
    [InlineData(119_999, "119s")]
    [InlineData(120_000, "2m")]
    [InlineData(192_000, "3m12s")]
    [InlineData(599_000, "9m59s")]
    [InlineData(600_000, "10m")]
    [InlineData(659_000, "10m")]
    [InlineData(10_740_000, "179m")]
    public void Seconds_and_minutes(long milliseconds, string expected)
    {
        HumanDuration.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);
    }

    [Theory]
    [InlineData(0, 180, "3h")]
    [InlineData(0, 303, "5h3m")]
    [InlineData(0, 479, "7h59m")]
    [InlineData(0, 480, "8h")]
    [InlineData(0, 2_879, "47h")]
    [InlineData(2, 0, "2d")]
    [InlineData(2, 180, "2d3h")]
    [InlineData(7, 1_439, "7d23h")]
    [InlineData(8, 0, "8d")]
    [InlineData(729, 0, "729d")]
    [InlineData(730, 0, "2y")]
    [InlineData(744, 0, "2y14d")]
    [InlineData(2_919, 0, "7y364d")]
    [InlineData(2_920, 0, "8y")]
    [InlineData(3_700, 0, "10y")]
    public void Hours_days_and_years(int days, int minutes, string expected)
    {
        HumanDuration.Format(TimeSpan.FromDays(days) + TimeSpan.FromMinutes(minutes)).Should().Be(expected);
    }
}
