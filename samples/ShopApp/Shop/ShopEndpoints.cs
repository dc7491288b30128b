using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SiteMaintenance.AspNetCore;

namespace ShopApp.Shop;

/// <summary>The shop's non-page endpoints: a scriptable login, logout, a JSON API and the admin job.</summary>
internal static class ShopEndpoints
{
    public static void MapShopEndpoints(this IEndpointRouteBuilder app)
    {
        // Login for scripts and tests: form fields or JSON {"username","password"}.
        app.MapPost("/api/login", async (HttpContext context) =>
        {
            var (name, password) = await ReadCredentialsAsync(context.Request);
            return await ShopSignIn.TryAsync(context, name, password)
                ? Results.Ok(new { user = name })
                : Results.Unauthorized();
        });

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });

        app.MapGet("/api/products", () => Catalog.Products);

        app.MapGet("/api/me", (HttpContext context, IMaintenanceState maintenance) => new
        {
            user = context.User.Identity?.Name,
            state = maintenance.State.ToString().ToUpperInvariant(),
            message = maintenance.Message,
        }).RequireAuthorization();

        app.MapGet("/admin/jobs", (BackgroundJobs jobs) => jobs.Running).RequireAuthorization("admin");

        // Starts a background job under a CommandTask: 202 with the lease, or 409 while maintenance refuses it.
        app.MapPost("/admin/jobs/reindex", async (BackgroundJobs jobs, int? seconds, bool? force, CancellationToken cancellationToken) =>
        {
            try
            {
                var job = await jobs.StartAsync("reindex", TimeSpan.FromSeconds(seconds ?? 20), force ?? false, cancellationToken);
                return Results.Accepted($"/admin/jobs", job);
            }
            catch (MaintenanceInProgressException e)
            {
                return Results.Conflict(new { error = e.Message, state = e.State.ToString().ToUpperInvariant() });
            }
        }).RequireAuthorization("admin");
    }

    private static async Task<(string? Name, string? Password)> ReadCredentialsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return (form["username"], form["password"]);
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<Credentials>(request.Body, JsonSerializerOptions.Web);
            return (body?.Username, body?.Password);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private sealed record Credentials(string? Username, string? Password);
}
