using System.Text.RegularExpressions;
using SiteMaintenance.AspNetCore.Tasks;

namespace SiteMaintenance.AspNetCore.Tests.Tasks;

public sealed partial class LeaseNamesTests
{
    [Theory]
    [InlineData("shop", "migrate")]
    [InlineData("Shop.Example", "db:migrate --all")]
    [InlineData("a-very-long-site-name-that-goes-on-and-on-and-on-forever", "an-equally-long-command-name-for-good-measure")]
    [InlineData("shop", "###")]
    public void Names_are_valid_dns_labels(string site, string command)
    {
        var name = LeaseNames.For(site, command);

        name.Length.Should().BeLessThanOrEqualTo(63);
        DnsLabel().IsMatch(name).Should().BeTrue(name);
        name.Should().Contain("-task-");
    }

    [Fact]
    public void Two_tasks_of_the_same_command_get_different_names()
    {
        LeaseNames.For("shop", "migrate").Should().NotBe(LeaseNames.For("shop", "migrate"));
    }

    [Fact]
    public void Label_values_are_sanitised()
    {
        LeaseNames.LabelValue("db:migrate --all").Should().Be("db-migrate-all");
    }

    [Fact]
    public void The_holder_names_the_host_and_the_command()
    {
        LeaseNames.Holder("pod-7", "migrate").Should().Be("pod-7/migrate");
        LeaseNames.Holder(null, "migrate").Should().EndWith("/migrate").And.NotStartWith("/");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
