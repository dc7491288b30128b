using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SiteMaintenance.Demo.Shop;

/// <summary>An HTTP answer, summed up in one line: status, the headers that matter here, and the body (JSON as is, HTML by its heading).</summary>
internal sealed partial record HttpAnswer(HttpStatusCode Status, string? RetryAfter, string? Location, string Body)
{
    public static async Task<HttpAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new HttpAnswer(
            response.StatusCode,
            response.Headers.RetryAfter?.Delta is { } delta ? ((long)delta.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null,
            response.Headers.Location?.ToString(),
            body);
    }

    public override string ToString()
    {
        var parts = new List<string> { $"{(int)Status} {Reason(Status)}" };
        if (RetryAfter is not null)
        {
            parts.Add($"Retry-After: {RetryAfter}");
        }

        if (Location is not null)
        {
            parts.Add($"Location: {Location}");
        }

        var trimmed = Body.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            parts.Add(trimmed.Length > 160 ? trimmed[..157] + "..." : trimmed);
        }
        else if (Heading().Match(trimmed) is { Success: true } heading)
        {
            parts.Add($"page \"{WebUtility.HtmlDecode(heading.Groups[1].Value)}\"");
        }

        return string.Join(", ", parts);
    }

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.OK => "OK",
        HttpStatusCode.Found => "Found",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        _ => status.ToString(),
    };

    [GeneratedRegex("<h1>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex Heading();
}
