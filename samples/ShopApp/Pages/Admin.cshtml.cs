using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShopApp.Shop;
using SiteMaintenance.AspNetCore;

namespace ShopApp.Pages;

/// <summary>Starts the reindex job (under a CommandTask) and lists running jobs.</summary>
[Authorize(Policy = "admin")]
internal sealed class AdminModel(BackgroundJobs jobs) : PageModel
{
    public IReadOnlyCollection<RunningJob> Jobs => jobs.Running;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(int seconds, bool force, CancellationToken cancellationToken)
    {
        try
        {
            await jobs.StartAsync("reindex", TimeSpan.FromSeconds(Math.Max(1, seconds)), force, cancellationToken);
            return RedirectToPage();
        }
        catch (MaintenanceInProgressException e)
        {
            Error = e.Message;
            return Page();
        }
    }
}
