using SiteMaintenance.Emulator.Api;

namespace SiteMaintenance.Emulator.Patching;

/// <summary>
/// The failures of the patch handlers, with the codes the apiserver gives them
/// (<c>handlers/patch.go</c>): decoding problems are 400, a patch that cannot be applied is a 422
/// whose message is the generic one (<c>NewGenericServerResponse</c> drops the detail), and
/// errors the handler does not classify reach the client as a 500 without a reason.
/// </summary>
internal static class PatchErrors
{
    /// <summary>The message of every 422 built by <c>NewGenericServerResponse</c>.</summary>
    public const string RejectedMessage = "the server rejected our request due to an error in our request";

    public static ApiException BadRequest(string message) => ApiException.BadRequest(message);

    /// <summary>422 Invalid with the generic message and empty details.</summary>
    public static ApiException Unprocessable() =>
        new(422, "Invalid", RejectedMessage, new StatusDetails(null, null, null, null));

    /// <summary>A plain Go error: the apiserver answers 500 with the error text and no reason.</summary>
    public static ApiException Unclassified(string message) => new(500, string.Empty, message);
}
