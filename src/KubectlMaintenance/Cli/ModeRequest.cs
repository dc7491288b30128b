namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>An <c>on</c> or <c>off</c> command as parsed.</summary>
/// <param name="Site">The site's name.</param>
/// <param name="Mode">The requested <c>spec.mode</c>.</param>
/// <param name="Force">Skip the drain (<c>on</c> only).</param>
/// <param name="Message">The message for users; null leaves it, empty removes it.</param>
/// <param name="Wait">Wait until the site is in the requested state.</param>
/// <param name="Timeout">The longest wait; null: no limit.</param>
/// <param name="IgnoreGitOps">Do not warn when a GitOps tool manages the site.</param>
internal sealed record ModeRequest(string Site, string Mode, bool Force, string? Message, bool Wait, TimeSpan? Timeout, bool IgnoreGitOps);
