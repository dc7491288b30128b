using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Runtime;
using SiteMaintenance.Operator.Runtime.Controllers;
using SiteMaintenance.Operator.Runtime.Informers;

namespace SiteMaintenance.Operator.Tests.Runtime.Controllers;

/// <summary>Which sites a change of a Lease, a ConfigMap or an Ingress wakes.</summary>
public sealed class SiteKeysTests
{
    [Fact]
    public void A_labelled_object_names_its_site_in_its_own_namespace()
    {
        var lease = new V1Lease { Metadata = new V1ObjectMeta { Name = "task", NamespaceProperty = "shop", Labels = new Dictionary<string, string> { ["sitemaintenance.io/site"] = "web" } } };

        SiteKeys.FromSiteLabel(lease).Should().Equal(new ObjectKey("shop", "web"));
        SiteKeys.FromSiteLabel(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "shop" } }).Should().BeEmpty();
        SiteKeys.FromSiteLabel(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "shop", Labels = new Dictionary<string, string> { ["sitemaintenance.io/site"] = "" } } }).Should().BeEmpty();
    }

    [Fact]
    public void An_Ingress_wakes_every_site_of_its_namespace_that_lists_it_and_no_other()
    {
        var sites = new ObjectCache<V1Alpha1SiteMaintenance>(() => true);
        sites.Upsert(Site("shop", "web", "front", "api"));
        sites.Upsert(Site("shop", "blog", "front"));
        sites.Upsert(Site("shop", "other", "admin"));
        sites.Upsert(Site("elsewhere", "web", "front"));
        sites.Upsert(new V1Alpha1SiteMaintenance { Metadata = new V1ObjectMeta { Name = "empty", NamespaceProperty = "shop" }, Spec = new() });

        var keys = SiteKeys.ListingIngress(new V1Ingress { Metadata = new V1ObjectMeta { Name = "front", NamespaceProperty = "shop" } }, sites);

        keys.Should().BeEquivalentTo([new ObjectKey("shop", "web"), new ObjectKey("shop", "blog")]);
    }

    [Fact]
    public void A_Lease_renewal_alone_does_not_matter_but_a_new_holder_or_label_does()
    {
        var before = TaskLease("pod-1", "web", DateTime.UtcNow);

        SiteKeys.LeaseChangeMatters(before, TaskLease("pod-1", "web", DateTime.UtcNow.AddSeconds(5))).Should().BeFalse();
        SiteKeys.LeaseChangeMatters(before, TaskLease("pod-2", "web", DateTime.UtcNow)).Should().BeTrue();
        SiteKeys.LeaseChangeMatters(before, TaskLease("pod-1", "blog", DateTime.UtcNow)).Should().BeTrue();
    }

    private static V1Alpha1SiteMaintenance Site(string ns, string name, params string[] ingresses) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1Alpha1SiteMaintenanceSpec { Ingresses = [.. ingresses.Select(i => new V1Alpha1IngressTarget { Name = i })] },
    };

    private static V1Lease TaskLease(string holder, string site, DateTime renewed) => new()
    {
        Metadata = new V1ObjectMeta { Name = "task", NamespaceProperty = "shop", Labels = new Dictionary<string, string> { ["sitemaintenance.io/site"] = site } },
        Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 30, RenewTime = renewed },
    };
}
