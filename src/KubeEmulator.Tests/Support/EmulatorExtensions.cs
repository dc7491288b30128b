using k8s;
using k8s.Models;

namespace SiteMaintenance.Emulator.Tests.Support;

internal static class EmulatorExtensions
{
    /// <summary>Installs the Widget CRD.</summary>
    public static Task<V1CustomResourceDefinition> InstallWidgetsAsync(this IKubernetes client) =>
        client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrds.Widget());

    public static Task<Widget> CreateWidgetAsync(this IKubernetes client, string name, int? size = null, string ns = "default", IList<string>? finalizers = null) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync<Widget>(
            new Widget { Metadata = new V1ObjectMeta { Name = name, Finalizers = finalizers }, Spec = new WidgetSpec { Size = size } },
            TestCrds.Group, TestCrds.Version, ns, TestCrds.Plural);

    public static Task<Widget> GetWidgetAsync(this IKubernetes client, string name, string ns = "default") =>
        client.CustomObjects.GetNamespacedCustomObjectAsync<Widget>(TestCrds.Group, TestCrds.Version, ns, TestCrds.Plural, name);
}
