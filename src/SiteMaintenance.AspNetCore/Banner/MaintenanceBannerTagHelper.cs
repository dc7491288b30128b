using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SiteMaintenance.AspNetCore;

/// <summary>
/// <c>&lt;site-maintenance-banner /&gt;</c>: renders the maintenance banner (see
/// <see cref="MaintenanceBanner"/>) or nothing. Register it with
/// <c>@addTagHelper *, SiteMaintenance.AspNetCore</c> in <c>_ViewImports.cshtml</c>.
/// </summary>
[HtmlTargetElement("site-maintenance-banner", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MaintenanceBannerTagHelper(IMaintenanceState state) : TagHelper
{
    /// <summary>Set by Razor: the current view's context (for the user).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var snapshot = state.Current;
        if (!MaintenanceBanner.IsVisible(snapshot, ViewContext?.HttpContext.User))
        {
            output.SuppressOutput();
            return;
        }

        var modifier = snapshot.IsOffline ? "offline" : "pending";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"{MaintenanceBanner.CssClass} {MaintenanceBanner.CssClass}--{modifier}");
        output.Attributes.SetAttribute("role", "status");
        output.Attributes.SetAttribute("data-state", modifier);
        output.Content.SetContent(MaintenanceBanner.Text(snapshot));
    }
}
