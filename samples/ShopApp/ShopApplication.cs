using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using ShopApp.Shop;
using SiteMaintenance.AspNetCore;

namespace ShopApp;

/// <summary>Builds the shop web app (also used by the tests, in process).</summary>
public static class ShopApplication
{
    /// <summary>Builds the app from command-line arguments (<c>--urls</c>, <c>--SiteMaintenance:…</c>, …).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Pages are found in this assembly even when another process (a test) hosts the app.
            ApplicationName = typeof(ShopApplication).Assembly.GetName().Name,
        });

        builder.Services.AddRazorPages();
        builder.Services.AddHealthChecks();
        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "shop.auth";
                options.LoginPath = "/login";
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                // Scripts get 401/403 rather than a login page.
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorizationBuilder().AddPolicy("admin", policy => policy.RequireRole("admin"));

        // Several processes (fake pods) share cookies only when they share the key ring.
        if (builder.Configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
        {
            builder.Services.AddDataProtection()
                .PersistKeysToFileSystem(new DirectoryInfo(keys))
                .SetApplicationName("ShopApp");
        }

        builder.Services.AddSiteMaintenance();
        builder.Services.AddSingleton<BackgroundJobs>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSiteMaintenance();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz");
        app.MapSiteMaintenanceSessions();
        app.MapShopEndpoints();
        app.MapRazorPages();
        return app;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/admin/jobs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
