using k8s.Models;
using SiteMaintenance.Operator.Api;
using SiteMaintenance.Operator.Domain;
using static SiteMaintenance.Operator.Tests.Domain.LabelSelectorFormatterTests;

namespace SiteMaintenance.Operator.Tests.Domain;

public sealed class SiteSpecValidatorTests
{
    [Fact]
    public void An_empty_spec_gets_every_default()
    {
        var result = SiteSpecValidator.Validate(Site(new V1Alpha1SiteMaintenanceSpec()));

        result.IsValid.Should().BeTrue();
        result.Problems.Should().BeEmpty();
        result.Reason.Should().BeNull();
        result.Message.Should().BeEmpty();
        result.Definition.Should().BeEquivalentTo(new SiteDefinition(
            SiteMode.Online,
            Force: false,
            Message: "",
            MaintenanceUrl: null,
            Sessions: null,
            new DrainSettings(TimeSpan.FromMinutes(15), DrainTimeoutAction.Offline, TimeSpan.FromSeconds(5)),
            Ingresses: [],
            LockConfigMapName: "shop-maintenance"));
    }

    [Fact]
    public void An_empty_drain_and_sessions_with_only_a_selector_get_their_defaults()
    {
        var spec = new V1Alpha1SiteMaintenanceSpec
        {
            Sessions = new V1Alpha1SessionsSpec { PodSelector = Labels(("app", "shop")) },
            Drain = new V1Alpha1DrainSpec(),
        };

        var definition = SiteSpecValidator.Validate(Site(spec)).Definition!;

        definition.Sessions.Should().Be(new SessionsSettings(
            "app=shop",
            8080,
            "/.well-known/site-maintenance/sessions",
            null,
            SessionAggregation.Auto,
            UnreachablePolicy.Block,
            TimeSpan.FromSeconds(2)));
        definition.Drain.Should().Be(new DrainSettings(TimeSpan.FromMinutes(15), DrainTimeoutAction.Offline, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_full_spec_maps_every_field()
    {
        var result = SiteSpecValidator.Validate(Site(FullSpec()));

        result.Problems.Should().BeEmpty();
        var definition = result.Definition!;
        definition.Mode.Should().Be(SiteMode.Offline);
        definition.Force.Should().BeTrue();
        definition.Message.Should().Be("Upgrade to v2");
        definition.MaintenanceUrl.Should().Be("https://status.example.com/maintenance.html");
        definition.Sessions.Should().Be(new SessionsSettings(
            "app=shop,tier in (api,web)",
            9090,
            "/sessions",
            new SecretKeyReference("shop-maint", "token"),
            SessionAggregation.Max,
            UnreachablePolicy.Ignore,
            TimeSpan.FromMilliseconds(500)));
        definition.Drain.Should().Be(new DrainSettings(TimeSpan.FromMinutes(90), DrainTimeoutAction.Wait, TimeSpan.FromSeconds(10)));
        definition.Ingresses.Should().BeEquivalentTo(
            [
                new IngressSwitch("shop", IngressProfile.NginxRedirect, null, new Dictionary<string, string>()),
                new IngressSwitch("api", IngressProfile.TraefikMiddleware, "shop-maintenance@kubernetescrd", new Dictionary<string, string>()),
                new IngressSwitch("admin", IngressProfile.Custom, null, new Dictionary<string, string> { ["example.com/down"] = "yes" }),
            ],
            o => o.WithStrictOrdering());
        definition.LockConfigMapName.Should().Be("shop-lock");
    }

    [Fact]
    public void The_ingress_profile_defaults_to_NginxRedirect()
    {
        var spec = new V1Alpha1SiteMaintenanceSpec
        {
            MaintenanceUrl = "http://example.com/down",
            Ingresses = [new V1Alpha1IngressTarget { Name = "shop" }],
        };

        SiteSpecValidator.Validate(Site(spec)).Definition!.Ingresses.Should().ContainSingle()
            .Which.Profile.Should().Be(IngressProfile.NginxRedirect);
    }

    public static TheoryData<string, string, string> SingleProblems => new()
    {
        { "mode lower case", SpecProblemReasons.UnknownMode, "spec.mode" },
        { "message too long", SpecProblemReasons.InvalidMessage, "spec.message" },
        { "url ftp", SpecProblemReasons.InvalidMaintenanceUrl, "spec.maintenanceUrl" },
        { "url relative", SpecProblemReasons.InvalidMaintenanceUrl, "spec.maintenanceUrl" },
        { "url without slashes", SpecProblemReasons.InvalidMaintenanceUrl, "spec.maintenanceUrl" },
        { "url empty", SpecProblemReasons.InvalidMaintenanceUrl, "spec.maintenanceUrl" },
        { "url missing for nginx", SpecProblemReasons.MissingMaintenanceUrl, "spec.maintenanceUrl" },
        { "selector empty", SpecProblemReasons.EmptyPodSelector, "spec.sessions.podSelector" },
        { "selector null", SpecProblemReasons.EmptyPodSelector, "spec.sessions.podSelector" },
        { "selector bad key", SpecProblemReasons.InvalidPodSelector, "spec.sessions.podSelector.matchLabels" },
        { "selector bad value", SpecProblemReasons.InvalidPodSelector, "spec.sessions.podSelector.matchLabels[app]" },
        { "selector In without values", SpecProblemReasons.InvalidPodSelector, "spec.sessions.podSelector.matchExpressions[0].values" },
        { "selector Exists with values", SpecProblemReasons.InvalidPodSelector, "spec.sessions.podSelector.matchExpressions[0].values" },
        { "selector unknown operator", SpecProblemReasons.InvalidPodSelector, "spec.sessions.podSelector.matchExpressions[0].operator" },
        { "port zero", SpecProblemReasons.InvalidPort, "spec.sessions.port" },
        { "port too big", SpecProblemReasons.InvalidPort, "spec.sessions.port" },
        { "path relative", SpecProblemReasons.InvalidPath, "spec.sessions.path" },
        { "path with space", SpecProblemReasons.InvalidPath, "spec.sessions.path" },
        { "token bad name", SpecProblemReasons.InvalidTokenSecretRef, "spec.sessions.tokenSecretRef.name" },
        { "token bad key", SpecProblemReasons.InvalidTokenSecretRef, "spec.sessions.tokenSecretRef.key" },
        { "aggregation unknown", SpecProblemReasons.UnknownAggregation, "spec.sessions.aggregation" },
        { "onUnreachable unknown", SpecProblemReasons.UnknownOnUnreachable, "spec.sessions.onUnreachable" },
        { "sessions timeout zero", SpecProblemReasons.InvalidDuration, "spec.sessions.timeout" },
        { "sessions timeout too long", SpecProblemReasons.InvalidDuration, "spec.sessions.timeout" },
        { "drain timeout in days", SpecProblemReasons.InvalidDuration, "spec.drain.timeout" },
        { "drain timeout without unit", SpecProblemReasons.InvalidDuration, "spec.drain.timeout" },
        { "drain timeout empty", SpecProblemReasons.InvalidDuration, "spec.drain.timeout" },
        { "drain timeout negative", SpecProblemReasons.InvalidDuration, "spec.drain.timeout" },
        { "poll interval too short", SpecProblemReasons.InvalidDuration, "spec.drain.pollInterval" },
        { "onTimeout unknown", SpecProblemReasons.UnknownOnTimeout, "spec.drain.onTimeout" },
        { "profile unknown", SpecProblemReasons.UnknownProfile, "spec.ingresses[0].profile" },
        { "ingress name upper case", SpecProblemReasons.InvalidIngress, "spec.ingresses[0].name" },
        { "ingress name missing", SpecProblemReasons.InvalidIngress, "spec.ingresses[0].name" },
        { "ingress null", SpecProblemReasons.InvalidIngress, "spec.ingresses[1]" },
        { "ingress twice", SpecProblemReasons.DuplicateIngress, "spec.ingresses[1].name" },
        { "traefik without middleware", SpecProblemReasons.InvalidIngress, "spec.ingresses[1].middleware" },
        { "traefik middleware list", SpecProblemReasons.InvalidIngress, "spec.ingresses[1].middleware" },
        { "nginx with middleware", SpecProblemReasons.InvalidIngress, "spec.ingresses[0].middleware" },
        { "custom without annotations", SpecProblemReasons.InvalidIngress, "spec.ingresses[2].annotations" },
        { "custom with reserved key", SpecProblemReasons.InvalidIngress, "spec.ingresses[2].annotations" },
        { "custom with bad key", SpecProblemReasons.InvalidIngress, "spec.ingresses[2].annotations" },
        { "nginx with annotations", SpecProblemReasons.InvalidIngress, "spec.ingresses[0].annotations" },
        { "lock name invalid", SpecProblemReasons.InvalidLockName, "spec.lock.configMapName" },
    };

    [Theory]
    [MemberData(nameof(SingleProblems))]
    public void Each_fault_gives_one_problem_with_its_reason_and_field(string fault, string reason, string field)
    {
        var spec = FullSpec();
        Break(spec, fault);

        var result = SiteSpecValidator.Validate(Site(spec));

        result.IsValid.Should().BeFalse();
        result.Definition.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Reason.Should().Be(reason);
        problem.Field.Should().Be(field);
        problem.Message.Should().Contain(field.Split('[')[0]);
        result.Reason.Should().Be(reason);
        result.Message.Should().Be(problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var spec = FullSpec();
        spec.Mode = "Down";
        spec.Drain!.Timeout = "1d";
        spec.Ingresses![1].Middleware = null;

        var result = SiteSpecValidator.Validate(Site(spec));

        result.Problems.Select(p => p.Reason).Should().Equal(
            SpecProblemReasons.UnknownMode, SpecProblemReasons.InvalidDuration, SpecProblemReasons.InvalidIngress);
        result.Reason.Should().Be(SpecProblemReasons.UnknownMode);
        result.Message.Split("; ").Should().HaveCount(3);
    }

    [Fact]
    public void Messages_say_what_is_expected()
    {
        var spec = FullSpec();
        spec.Drain!.Timeout = "1d";
        spec.Drain.PollInterval = "500ms";

        var messages = SiteSpecValidator.Validate(Site(spec)).Problems.Select(p => p.Message);

        messages.Should().Equal(
            "spec.drain.timeout: \"1d\" is not a duration like 90s, 15m or 1h30m (units ns, us, ms, s, m, h): time: unknown unit \"d\" in duration \"1d\"",
            "spec.drain.pollInterval: \"500ms\" must be at least 1s");
    }

    [Fact]
    public void A_message_of_1024_characters_counts_runes_not_UTF16_units()
    {
        var spec = new V1Alpha1SiteMaintenanceSpec { Message = string.Concat(Enumerable.Repeat("\U0001F6A7", 1024)) };

        SiteSpecValidator.Validate(Site(spec)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_null_spec_is_a_problem_not_a_crash()
    {
        var resource = Site(new V1Alpha1SiteMaintenanceSpec());
        resource.Spec = null!;

        var result = SiteSpecValidator.Validate(resource);

        result.Problems.Should().ContainSingle().Which.Reason.Should().Be(SpecProblemReasons.MissingSpec);
    }

    [Fact]
    public void The_default_lock_name_of_a_very_long_site_name_is_reported()
    {
        var result = SiteSpecValidator.Validate(Site(new V1Alpha1SiteMaintenanceSpec(), name: new string('a', 250)));

        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Reason.Should().Be(SpecProblemReasons.InvalidLockName);
        problem.Message.Should().Contain("set spec.lock.configMapName");
    }

    [Fact]
    public void Sessions_without_a_selector_name_the_missing_selector()
    {
        var spec = new V1Alpha1SiteMaintenanceSpec { Sessions = new V1Alpha1SessionsSpec() };

        var problem = SiteSpecValidator.Validate(Site(spec)).Problems.Should().ContainSingle().Subject;

        problem.Reason.Should().Be(SpecProblemReasons.EmptyPodSelector);
        problem.Message.Should().Contain("select every Pod");
    }

    private static V1Alpha1SiteMaintenance Site(V1Alpha1SiteMaintenanceSpec spec, string name = "shop") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "web", Generation = 1 },
        Spec = spec,
    };

    private static V1LabelSelector Labels(params (string Key, string Value)[] labels) =>
        new() { MatchLabels = labels.ToDictionary(l => l.Key, l => l.Value) };

    private static V1Alpha1SiteMaintenanceSpec FullSpec() => new()
    {
        Mode = SiteModes.Offline,
        Force = true,
        Message = "Upgrade to v2",
        MaintenanceUrl = "https://status.example.com/maintenance.html",
        Sessions = new V1Alpha1SessionsSpec
        {
            PodSelector = new V1LabelSelector
            {
                MatchLabels = new Dictionary<string, string> { ["app"] = "shop" },
                MatchExpressions = [Requirement("tier", "In", "web", "api")],
            },
            Port = 9090,
            Path = "/sessions",
            TokenSecretRef = new V1Alpha1SecretKeyRef { Name = "shop-maint", Key = "token" },
            Aggregation = SessionAggregations.Max,
            OnUnreachable = UnreachablePolicies.Ignore,
            Timeout = "500ms",
        },
        Drain = new V1Alpha1DrainSpec { Timeout = "1.5h", OnTimeout = DrainTimeoutActions.Wait, PollInterval = "10s" },
        Ingresses =
        [
            new() { Name = "shop", Profile = IngressProfiles.NginxRedirect },
            new() { Name = "api", Profile = IngressProfiles.TraefikMiddleware, Middleware = "shop-maintenance@kubernetescrd" },
            new() { Name = "admin", Profile = IngressProfiles.Custom, Annotations = new() { ["example.com/down"] = "yes" } },
        ],
        Lock = new V1Alpha1LockSpec { ConfigMapName = "shop-lock" },
    };

    // One fault per case, applied to an otherwise valid FullSpec.
    private static void Break(V1Alpha1SiteMaintenanceSpec spec, string fault)
    {
        var sessions = spec.Sessions!;
        var drain = spec.Drain!;
        var ingresses = spec.Ingresses!;
        switch (fault)
        {
            case "mode lower case": spec.Mode = "offline"; break;
            case "message too long": spec.Message = new string('x', 1025); break;
            case "url ftp": spec.MaintenanceUrl = "ftp://example.com/down"; break;
            case "url relative": spec.MaintenanceUrl = "/maintenance.html"; break;
            case "url without slashes": spec.MaintenanceUrl = "http:example.com"; break;
            case "url empty": spec.MaintenanceUrl = ""; break;
            case "url missing for nginx": spec.MaintenanceUrl = null; break;
            case "selector empty": sessions.PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>() }; break;
            case "selector null": sessions.PodSelector = null!; break;
            case "selector bad key": sessions.PodSelector = Labels(("-app", "shop")); break;
            case "selector bad value": sessions.PodSelector = Labels(("app", "shop,web")); break;
            case "selector In without values": sessions.PodSelector = new V1LabelSelector { MatchExpressions = [Requirement("app", "In")] }; break;
            case "selector Exists with values": sessions.PodSelector = new V1LabelSelector { MatchExpressions = [Requirement("app", "Exists", "x")] }; break;
            case "selector unknown operator": sessions.PodSelector = new V1LabelSelector { MatchExpressions = [Requirement("app", "Gt", "1")] }; break;
            case "port zero": sessions.Port = 0; break;
            case "port too big": sessions.Port = 65536; break;
            case "path relative": sessions.Path = "sessions"; break;
            case "path with space": sessions.Path = "/my sessions"; break;
            case "token bad name": sessions.TokenSecretRef!.Name = "Shop_Maint"; break;
            case "token bad key": sessions.TokenSecretRef!.Key = "a/b"; break;
            case "aggregation unknown": sessions.Aggregation = "Average"; break;
            case "onUnreachable unknown": sessions.OnUnreachable = "Retry"; break;
            case "sessions timeout zero": sessions.Timeout = "0s"; break;
            case "sessions timeout too long": sessions.Timeout = "61s"; break;
            case "drain timeout in days": drain.Timeout = "1d"; break;
            case "drain timeout without unit": drain.Timeout = "900"; break;
            case "drain timeout empty": drain.Timeout = ""; break;
            case "drain timeout negative": drain.Timeout = "-15m"; break;
            case "poll interval too short": drain.PollInterval = "999ms"; break;
            case "onTimeout unknown": drain.OnTimeout = "Retry"; break;
            case "profile unknown": ingresses[0].Profile = "Apache"; break;
            case "ingress name upper case": ingresses[0].Name = "Shop"; break;
            case "ingress name missing": ingresses[0].Name = null!; break;
            case "ingress null": ingresses[1] = null!; break;
            case "ingress twice": ingresses[1] = new() { Name = "shop" }; break;
            case "traefik without middleware": ingresses[1].Middleware = null; break;
            case "traefik middleware list": ingresses[1].Middleware = "a@file,b@file"; break;
            case "nginx with middleware": ingresses[0].Middleware = "x@file"; break;
            case "custom without annotations": ingresses[2].Annotations = []; break;
            case "custom with reserved key": ingresses[2].Annotations!["sitemaintenance.io/saved"] = "{}"; break;
            case "custom with bad key": ingresses[2].Annotations!["bad key"] = "x"; break;
            case "nginx with annotations": ingresses[0].Annotations = new() { ["a"] = "b" }; break;
            case "lock name invalid": spec.Lock!.ConfigMapName = "Shop Lock"; break;
            default: throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such fault");
        }
    }
}
