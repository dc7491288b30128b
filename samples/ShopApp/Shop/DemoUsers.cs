namespace ShopApp.Shop;

/// <summary>The demo's fixed users (user name → password, and whether they are admins).</summary>
internal static class DemoUsers
{
    private static readonly Dictionary<string, (string Password, bool Admin)> Users = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alice"] = ("alice", false),
        ["bob"] = ("bob", false),
        ["carol"] = ("carol", false),
        ["admin"] = ("admin", true),
    };

    public static bool TryLogin(string? name, string? password, out bool isAdmin)
    {
        isAdmin = false;
        if (name is null || password is null || !Users.TryGetValue(name, out var user) || user.Password != password)
        {
            return false;
        }

        isAdmin = user.Admin;
        return true;
    }
}
