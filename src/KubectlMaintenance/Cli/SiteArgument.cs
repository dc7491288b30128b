using System.CommandLine;

namespace SiteMaintenance.KubectlMaintenance.Cli;

/// <summary>
/// The SITE argument. A word starting with '-' is an unknown flag, not a site name (the parser
/// would otherwise take <c>--bogus</c> as the site, where kubectl rejects it).
/// </summary>
internal static class SiteArgument
{
    public static Argument<T> Create<T>(string description, ArgumentArity? arity = null)
    {
        var argument = new Argument<T>("SITE") { Description = description };
        if (arity is { } a)
        {
            argument.Arity = a;
        }

        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError($"unknown flag: {token.Value}");
                }
            }
        });
        return argument;
    }
}
