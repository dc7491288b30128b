using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShopApp.Shop;

namespace ShopApp.Pages;

/// <summary>The login page (cookie login with the demo users).</summary>
internal sealed class LoginModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? username, string? password)
    {
        if (!await ShopSignIn.TryAsync(HttpContext, username, password))
        {
            Failed = true;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
