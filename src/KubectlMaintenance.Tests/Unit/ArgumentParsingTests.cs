using SiteMaintenance.KubectlMaintenance.Cli;
using SiteMaintenance.KubectlMaintenance.Create;

namespace SiteMaintenance.KubectlMaintenance.Tests.Unit;

public sealed class ArgumentParsingTests
{
    [Theory]
    [InlineData("app=shop", "app", "shop")]
    [InlineData("app==shop", "app", "shop")]
    [InlineData(" app.kubernetes.io/name = shop ", "app.kubernetes.io/name", "shop")]
    public void Selectors_become_match_labels(string text, string key, string value)
    {
        SelectorArgument.Parse(text).Should().Equal(new Dictionary<string, string> { [key] = value });
    }

    [Theory]
    [InlineData("app")]
    [InlineData("app in (shop)")]
    [InlineData("app=shop,app=blog")]
    [InlineData("-bad=x")]
    [InlineData("app=not valid")]
    public void Other_selectors_are_usage_errors(string text)
    {
        var act = () => SelectorArgument.Parse(text);

        act.Should().Throw<PluginException>().Which.ExitCode.Should().Be(ExitCodes.Usage);
    }

    [Theory]
    [InlineData("shop", "shop", null, null)]
    [InlineData("shop:nginx", "shop", "NginxRedirect", null)]
    [InlineData("shop:NginxRedirect", "shop", "NginxRedirect", null)]
    [InlineData("shop:traefik=web-maint@kubernetescrd", "shop", "TraefikMiddleware", "web-maint@kubernetescrd")]
    [InlineData("shop:TraefikMiddleware=web-maint@kubernetescrd", "shop", "TraefikMiddleware", "web-maint@kubernetescrd")]
    public void Ingresses_take_an_optional_profile(string text, string name, string? profile, string? middleware)
    {
        var target = IngressArgument.Parse(text);

        (target.Name, target.Profile, target.Middleware).Should().Be((name, profile, middleware));
    }

    [Theory]
    [InlineData("Shop")]
    [InlineData("shop:haproxy")]
    [InlineData("shop:nginx=x")]
    [InlineData("shop:traefik=a,b")]
    public void Bad_ingresses_are_usage_errors(string text)
    {
        var act = () => IngressArgument.Parse(text);

        act.Should().Throw<PluginException>().Which.ExitCode.Should().Be(ExitCodes.Usage);
    }

    [Theory]
    [InlineData("20m", 1200)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5s", 1.5)]
    public void Timeouts_are_go_durations(string text, double seconds)
    {
        DurationOption.ReadTimeout(text, "--timeout").Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void A_zero_timeout_means_no_limit_and_garbage_is_a_usage_error()
    {
        DurationOption.ReadTimeout("0", "--timeout").Should().BeNull();
        var act = () => DurationOption.ReadTimeout("20", "--timeout");
        act.Should().Throw<PluginException>().WithMessage("invalid value \"20\" for --timeout: time: missing unit in duration \"20\"");
    }

    [Theory]
    [InlineData("Offline", true, null, """{"spec":{"mode":"Offline","force":true}}""")]
    [InlineData("Offline", false, "Back soon", """{"spec":{"mode":"Offline","force":false,"message":"Back soon"}}""")]
    [InlineData("Offline", false, "", """{"spec":{"mode":"Offline","force":false,"message":null}}""")]
    [InlineData("Online", false, null, """{"spec":{"mode":"Online"}}""")]
    public void The_merge_patch_always_sets_force_for_on_and_removes_an_empty_message(string mode, bool force, string? message, string expected)
    {
        ModeChange.MergePatch(new ModeRequest("shop", mode, force, message, false, null, false)).Should().Be(expected);
    }
}
