using SiteMaintenance.Demo.Shop;

namespace SiteMaintenance.Demo.Story;

/// <summary>What the setup left running for the story: the pods, the operator, and the Ingress's annotations before anything happened.</summary>
internal sealed record DemoStage(IReadOnlyList<ShopPod> Pods, RunningOperator Operator, string AnnotationsBefore);
