using SiteMaintenance.Demo.Processes;

namespace SiteMaintenance.Demo.Shop;

/// <summary>One "pod" of the shop: a ShopApp process on its own loopback address.</summary>
internal sealed record ShopPod(string Name, string Address, int Port, ChildProcess Process)
{
    public Uri Url => new($"http://{Address}:{Port}/");
}
