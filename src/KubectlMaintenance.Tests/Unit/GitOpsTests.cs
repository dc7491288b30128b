using k8s.Models;
using SiteMaintenance.KubectlMaintenance.GitOps;
using SiteMaintenance.Operator.Api;

namespace SiteMaintenance.KubectlMaintenance.Tests.Unit;

public sealed class GitOpsTests
{
    [Fact]
    public void Argo_cd_is_recognised_by_its_tracking_annotation_with_the_application_name()
    {
        var site = Site(annotations: new() { ["argocd.argoproj.io/tracking-id"] = "argocd_shop:sitemaintenance.io/SiteMaintenance:web/shop" });

        GitOpsDetector.Detect(site).Should().Be(new GitOpsManager(GitOpsTool.ArgoCd, "argocd_shop", null));
    }

    [Fact]
    public void Argo_cd_is_recognised_by_its_instance_label()
    {
        GitOpsDetector.Detect(Site(labels: new() { ["argocd.argoproj.io/instance"] = "shop" }))
            .Should().Be(new GitOpsManager(GitOpsTool.ArgoCd, "shop", null));
    }

    [Fact]
    public void Flux_kustomizations_and_helm_releases_are_recognised_with_their_namespace()
    {
        GitOpsDetector.Detect(Site(labels: new() { ["kustomize.toolkit.fluxcd.io/name"] = "apps", ["kustomize.toolkit.fluxcd.io/namespace"] = "flux-system" }))
            .Should().Be(new GitOpsManager(GitOpsTool.FluxKustomization, "apps", "flux-system"));
        GitOpsDetector.Detect(Site(labels: new() { ["helm.toolkit.fluxcd.io/name"] = "shop", ["helm.toolkit.fluxcd.io/namespace"] = "web" }))
            .Should().Be(new GitOpsManager(GitOpsTool.FluxHelmRelease, "shop", "web"));
    }

    [Fact]
    public void Other_labels_are_not_gitops()
    {
        GitOpsDetector.Detect(Site(labels: new() { ["app.kubernetes.io/managed-by"] = "Helm" })).Should().BeNull();
    }

    [Fact]
    public void The_argo_warning_says_to_change_git_or_to_pause_auto_sync()
    {
        var text = GitOpsWarning.Text(new GitOpsManager(GitOpsTool.ArgoCd, "shop-prod", null), "shop", "Offline");

        text.Should().Be(
            "Warning: site \"shop\" is managed by Argo CD application \"shop-prod\". Its next sync will likely revert this change.\n" +
            "  To keep it, set 'spec.mode: Offline' in the site's manifest in git instead, then: argocd app sync shop-prod\n" +
            "  Or pause the sync before changing it here: argocd app set shop-prod --sync-policy none\n" +
            "  (--ignore-gitops silences this warning.)");
    }

    [Fact]
    public void The_helm_release_warning_uses_the_helm_release_commands()
    {
        var text = GitOpsWarning.Text(new GitOpsManager(GitOpsTool.FluxHelmRelease, "shop", "web"), "shop", "Online");

        text.Should().Contain("flux reconcile helmrelease shop -n web --with-source").And.Contain("flux suspend helmrelease shop -n web");
    }

    private static V1Alpha1SiteMaintenance Site(Dictionary<string, string>? labels = null, Dictionary<string, string>? annotations = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "shop", Labels = labels, Annotations = annotations },
    };
}
