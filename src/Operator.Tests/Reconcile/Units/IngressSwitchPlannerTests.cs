using System.Text.Json;
using SiteMaintenance.Operator.Domain;
using SiteMaintenance.Operator.Reconcile.Ingresses;

namespace SiteMaintenance.Operator.Tests.Reconcile.Units;

public sealed class IngressSwitchPlannerTests
{
    private const string Site = "shop";
    private const string Url = "https://status.example.com/maintenance.html";
    private const string Redirect = "nginx.ingress.kubernetes.io/temporal-redirect";
    private const string Middlewares = "traefik.ingress.kubernetes.io/router.middlewares";
    private const string Saved = "sitemaintenance.io/saved-annotations";
    private const string SwitchedBy = "sitemaintenance.io/switched-by";

    private static readonly IngressSwitch Nginx = new("shop", IngressProfile.NginxRedirect, null, new Dictionary<string, string>());
    private static readonly IngressSwitch Traefik = new("shop", IngressProfile.TraefikMiddleware, "shop-maintenance@kubernetescrd", new Dictionary<string, string>());

    [Fact]
    public void Switching_sets_the_redirect_and_records_the_key_as_absent()
    {
        var plan = IngressSwitchPlanner.Switch(new Dictionary<string, string> { ["team"] = "web" }, Nginx, Url, Site);

        plan.IsConflict.Should().BeFalse();
        plan.Changes.Values.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            [Redirect] = Url,
            [Saved] = """{"nginx.ingress.kubernetes.io/temporal-redirect":null}""",
            [SwitchedBy] = Site,
        });
    }

    [Fact]
    public void Switching_then_restoring_gives_back_every_annotation_byte_for_byte()
    {
        var original = new Dictionary<string, string>
        {
            [Redirect] = "https://old.example.com/ü?a=1&b=<2>",
            ["team"] = "web",
        };
        var switched = Apply(original, IngressSwitchPlanner.Switch(original, Nginx, Url, Site).Changes);
        switched[Redirect].Should().Be(Url);

        var restored = Apply(switched, IngressSwitchPlanner.Restore(switched, Site, Nginx, Url));

        restored.Should().Equal(original);
    }

    [Fact]
    public void Traefik_appends_the_middleware_once_and_restores_the_list_verbatim()
    {
        var original = new Dictionary<string, string> { [Middlewares] = "shop-auth@kubernetescrd , shop-gzip@kubernetescrd" };
        var switched = Apply(original, IngressSwitchPlanner.Switch(original, Traefik, null, Site).Changes);

        switched[Middlewares].Should().Be("shop-auth@kubernetescrd , shop-gzip@kubernetescrd,shop-maintenance@kubernetescrd");
        IngressSwitchPlanner.Switch(switched, Traefik, null, Site).Changes.IsEmpty.Should().BeTrue("a second switch changes nothing");
        Apply(switched, IngressSwitchPlanner.Restore(switched, Site, Traefik, null)).Should().Equal(original);
    }

    [Fact]
    public void Traefik_without_a_list_sets_the_middleware_alone_and_removes_it_on_restore()
    {
        var switched = Apply(new Dictionary<string, string>(), IngressSwitchPlanner.Switch(null, Traefik, null, Site).Changes);

        switched[Middlewares].Should().Be("shop-maintenance@kubernetescrd");
        Apply(switched, IngressSwitchPlanner.Restore(switched, Site, Traefik, null)).Should().BeEmpty();
    }

    [Fact]
    public void Custom_sets_the_given_map_and_saves_each_key()
    {
        var custom = new IngressSwitch("shop", IngressProfile.Custom, null, new Dictionary<string, string>
        {
            ["example.com/maintenance"] = "on",
            ["example.com/backend"] = "maintenance-page",
        });
        var original = new Dictionary<string, string> { ["example.com/backend"] = "shop" };
        var switched = Apply(original, IngressSwitchPlanner.Switch(original, custom, null, Site).Changes);

        switched["example.com/maintenance"].Should().Be("on");
        switched["example.com/backend"].Should().Be("maintenance-page");
        JsonSerializer.Deserialize<Dictionary<string, string?>>(switched[Saved]).Should().Equal(new Dictionary<string, string?>
        {
            ["example.com/backend"] = "shop",
            ["example.com/maintenance"] = null,
        });
        Apply(switched, IngressSwitchPlanner.Restore(switched, Site, custom, null)).Should().Equal(original);
    }

    [Fact]
    public void An_ingress_switched_by_another_site_is_a_conflict_and_left_alone()
    {
        var other = new Dictionary<string, string> { [SwitchedBy] = "blog", [Redirect] = "https://blog.example.com/down" };

        var plan = IngressSwitchPlanner.Switch(other, Nginx, Url, Site);

        plan.IsConflict.Should().BeTrue();
        plan.ConflictingSite.Should().Be("blog");
        plan.Changes.IsEmpty.Should().BeTrue();
        IngressSwitchPlanner.Restore(other, Site, Nginx, Url).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Drift_on_a_switched_key_is_repaired_and_the_saved_original_kept()
    {
        var original = new Dictionary<string, string> { [Redirect] = "https://old.example.com/" };
        var switched = Apply(original, IngressSwitchPlanner.Switch(original, Nginx, Url, Site).Changes);
        switched[Redirect] = "https://someone-edited.example.com/";

        var repair = IngressSwitchPlanner.Switch(switched, Nginx, Url, Site).Changes;

        repair.Values.Should().Equal(new Dictionary<string, string?> { [Redirect] = Url });
        Apply(Apply(switched, repair), IngressSwitchPlanner.Restore(Apply(switched, repair), Site, Nginx, Url)).Should().Equal(original);
    }

    [Fact]
    public void A_key_the_spec_no_longer_sets_is_restored_while_the_rest_stays_switched()
    {
        var both = new IngressSwitch("shop", IngressProfile.Custom, null, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        var onlyA = new IngressSwitch("shop", IngressProfile.Custom, null, new Dictionary<string, string> { ["a"] = "1" });
        var original = new Dictionary<string, string> { ["b"] = "user" };
        var switched = Apply(original, IngressSwitchPlanner.Switch(original, both, null, Site).Changes);

        var narrowed = Apply(switched, IngressSwitchPlanner.Switch(switched, onlyA, null, Site).Changes);

        narrowed["a"].Should().Be("1");
        narrowed["b"].Should().Be("user");
        JsonSerializer.Deserialize<Dictionary<string, string?>>(narrowed[Saved]).Should().Equal(new Dictionary<string, string?> { ["a"] = null });
    }

    [Fact]
    public void A_lost_record_is_inferred_from_the_values_the_switch_sets()
    {
        var damaged = new Dictionary<string, string> { [SwitchedBy] = Site, [Redirect] = Url, ["team"] = "web" };

        var restored = Apply(damaged, IngressSwitchPlanner.Restore(damaged, Site, Nginx, Url));

        restored.Should().Equal(new Dictionary<string, string> { ["team"] = "web" });
    }

    [Fact]
    public void Without_markers_an_ingress_is_not_restored_and_its_values_count_as_the_users()
    {
        var plain = new Dictionary<string, string> { [Redirect] = Url };

        IngressSwitchPlanner.Restore(plain, Site, Nginx, Url).IsEmpty.Should().BeTrue();
        var plan = IngressSwitchPlanner.Switch(plain, Nginx, Url, Site);
        JsonSerializer.Deserialize<Dictionary<string, string?>>(plan.Changes.Values[Saved]!).Should().Equal(new Dictionary<string, string?> { [Redirect] = Url });
    }

    [Fact]
    public void A_record_without_the_switched_by_marker_is_restored_only_when_listed()
    {
        var original = new Dictionary<string, string> { [Redirect] = "https://old.example.com/" };
        var switched = Apply(original, IngressSwitchPlanner.Switch(original, Nginx, Url, Site).Changes);
        switched.Remove(SwitchedBy);

        IngressSwitchPlanner.Restore(switched, Site, null, null).IsEmpty.Should().BeTrue();
        Apply(switched, IngressSwitchPlanner.Restore(switched, Site, Nginx, Url)).Should().Equal(original);
    }

    private static Dictionary<string, string> Apply(IDictionary<string, string> annotations, AnnotationChanges changes)
    {
        var result = new Dictionary<string, string>(annotations);
        foreach (var (key, value) in changes.Values)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = value;
            }
        }

        return result;
    }
}
