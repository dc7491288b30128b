using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ShopApp.Shop;

/// <summary>Signs a demo user in with a cookie. Each login gets its own session id (<c>sid</c>).</summary>
internal static class ShopSignIn
{
    public static async Task<bool> TryAsync(HttpContext context, string? name, string? password)
    {
        if (!DemoUsers.TryLogin(name, password, out var isAdmin))
        {
            return false;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name!.ToLowerInvariant()),
            new(ClaimTypes.NameIdentifier, name.ToLowerInvariant()),
            new("sid", Guid.NewGuid().ToString("N")),
        };
        if (isAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, "admin"));
        }

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return true;
    }
}
