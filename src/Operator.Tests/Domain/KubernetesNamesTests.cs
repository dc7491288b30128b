using SiteMaintenance.Operator.Domain;

namespace SiteMaintenance.Operator.Tests.Domain;

public sealed class KubernetesNamesTests
{
    [Theory]
    [InlineData("shop", true)]
    [InlineData("shop-maintenance", true)]
    [InlineData("a.b-c.d", true)]
    [InlineData("0abc", true)]
    [InlineData("Shop", false)]
    [InlineData("-shop", false)]
    [InlineData("shop-", false)]
    [InlineData("shop_x", false)]
    [InlineData("a..b", false)]
    [InlineData("shop\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Dns1123_subdomains(string? value, bool valid)
    {
        KubernetesNames.IsDns1123Subdomain(value).Should().Be(valid);
    }

    [Fact]
    public void A_subdomain_has_at_most_253_characters()
    {
        KubernetesNames.IsDns1123Subdomain(new string('a', 253)).Should().BeTrue();
        KubernetesNames.IsDns1123Subdomain(new string('a', 254)).Should().BeFalse();
    }

    [Theory]
    [InlineData("app", true)]
    [InlineData("App_Name.v1", true)]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("example.com/Key-1", true)]
    [InlineData("/name", false)]
    [InlineData("Example.com/name", false)]
    [InlineData("a/b/c", false)]
    [InlineData("name-", false)]
    [InlineData("na me", false)]
    [InlineData("", false)]
    public void Qualified_names(string value, bool valid)
    {
        KubernetesNames.IsQualifiedName(value).Should().Be(valid);
    }

    [Fact]
    public void A_qualified_name_part_has_at_most_63_characters()
    {
        KubernetesNames.IsQualifiedName("p.io/" + new string('a', 63)).Should().BeTrue();
        KubernetesNames.IsQualifiedName(new string('a', 64)).Should().BeFalse();
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("shop", true)]
    [InlineData("v1.2_3-x", true)]
    [InlineData("-x", false)]
    [InlineData("a,b", false)]
    [InlineData("a b", false)]
    [InlineData("x)", false)]
    [InlineData(null, false)]
    public void Label_values(string? value, bool valid)
    {
        KubernetesNames.IsLabelValue(value).Should().Be(valid);
    }

    [Theory]
    [InlineData("token", true)]
    [InlineData(".dockerconfigjson", true)]
    [InlineData("tls.crt", true)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void Data_keys(string value, bool valid)
    {
        KubernetesNames.IsConfigMapKey(value).Should().Be(valid);
    }
}
