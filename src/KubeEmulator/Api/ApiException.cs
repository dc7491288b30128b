using System.Net;
using System.Text.Json.Nodes;

namespace SiteMaintenance.Emulator.Api;

/// <summary>
/// An error the API server answers with a <c>Status</c> object. Every module of the emulator
/// throws this; the HTTP layer turns it into the response, worded as the real server words it.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, StatusDetails? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public ApiException()
        : this(500, "InternalError", "an error on the server has prevented the request from succeeding")
    {
    }

    public ApiException(string message)
        : this(500, "InternalError", message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
    }

    public int Code { get; }

    /// <summary>The machine-readable reason (StatusReason), e.g. <c>NotFound</c>.</summary>
    public string Reason { get; } = "InternalError";

    public StatusDetails? Details { get; }

    /// <summary>The <c>meta/v1 Status</c> body for this error.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
        };

        // Errors without a reason (e.g. some patch failures the apiserver reports as bare 500s) omit it.
        if (Reason.Length > 0)
        {
            status["reason"] = Reason;
        }

        if (Details is { } d)
        {
            status["details"] = d.ToJson();
        }

        status["code"] = Code;
        return status;
    }

    public static ApiException NotFound(GroupResourceName what) =>
        new(404, "NotFound", $"{what.GroupResource} \"{what.Name}\" not found", StatusDetails.For(what));

    public static ApiException AlreadyExists(GroupResourceName what) =>
        new(409, "AlreadyExists", $"{what.GroupResource} \"{what.Name}\" already exists", StatusDetails.For(what));

    public static ApiException Conflict(GroupResourceName what, string detail) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {what.GroupResource} \"{what.Name}\": {detail}", StatusDetails.For(what));

    /// <summary>The optimistic-concurrency failure (stale resourceVersion).</summary>
    public static ApiException StaleResourceVersion(GroupResourceName what) =>
        Conflict(what, "the object has been modified; please apply your changes to the latest version and try again");

    /// <summary>422 Invalid: <c>Kind.group "name" is invalid: field: message</c>, with causes.</summary>
    public static ApiException Invalid(string qualifiedKind, string name, IReadOnlyList<FieldCause> causes)
    {
        ArgumentNullException.ThrowIfNull(causes);
        var listed = causes.Select(c => c.ToString()).ToList();
        var joined = listed.Count == 1 ? listed[0] : "[" + string.Join(", ", listed) + "]";
        return new ApiException(
            422,
            "Invalid",
            $"{qualifiedKind} \"{name}\" is invalid: {joined}",
            new StatusDetails(name, QualifiedGroup(qualifiedKind), QualifiedKindName(qualifiedKind), null, causes));
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotSupported(string groupResource, string verb) =>
        new(405, "MethodNotAllowed", $"{verb} is not supported on resources of kind \"{groupResource}\"");

    public static ApiException UnsupportedMediaType(string message) => new(415, "UnsupportedMediaType", message);

    public static ApiException NotAcceptable(string message) => new(406, "NotAcceptable", message);

    /// <summary>410 Expired: a watch or list asked for a resourceVersion the server no longer has.</summary>
    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException Forbidden(GroupResourceName what, string reason) =>
        new(403, "Forbidden", $"{what.GroupResource} \"{what.Name}\" is forbidden: {reason}", StatusDetails.For(what));

    public static ApiException InternalError(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}");

    /// <summary>Maps a status code to the reason the real server uses for a generic error.</summary>
    public static ApiException FromCode(HttpStatusCode code, string message) => code switch
    {
        HttpStatusCode.BadRequest => BadRequest(message),
        HttpStatusCode.Unauthorized => new ApiException(401, "Unauthorized", message),
        HttpStatusCode.Forbidden => new ApiException(403, "Forbidden", message),
        HttpStatusCode.NotFound => new ApiException(404, "NotFound", message),
        HttpStatusCode.Conflict => new ApiException(409, "Conflict", message),
        HttpStatusCode.Gone => Expired(message),
        HttpStatusCode.UnprocessableEntity => new ApiException(422, "Invalid", message),
        HttpStatusCode.TooManyRequests => new ApiException(429, "TooManyRequests", message),
        HttpStatusCode.ServiceUnavailable => new ApiException(503, "ServiceUnavailable", message),
        HttpStatusCode.GatewayTimeout => new ApiException(504, "Timeout", message),
        _ => new ApiException((int)code, "InternalError", message),
    };

    private static string QualifiedGroup(string qualifiedKind)
    {
        var dot = qualifiedKind.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? string.Empty : qualifiedKind[(dot + 1)..];
    }

    private static string QualifiedKindName(string qualifiedKind)
    {
        var dot = qualifiedKind.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? qualifiedKind : qualifiedKind[..dot];
    }
}

/// <summary>Names an object for an error message: <c>sitemaintenances.sitemaintenance.io "shop"</c>.</summary>
/// <param name="Group">API group, empty for the core group.</param>
/// <param name="Resource">The plural resource name, e.g. <c>configmaps</c>.</param>
/// <param name="Name">The object's name.</param>
public readonly record struct GroupResourceName(string Group, string Resource, string Name)
{
    public string GroupResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}

/// <summary>One entry of <c>Status.details.causes</c>.</summary>
/// <param name="Reason">e.g. <c>FieldValueInvalid</c>, <c>FieldValueRequired</c>, <c>FieldValueNotSupported</c>.</param>
/// <param name="Message">The message without the field, e.g. <c>Required value</c>.</param>
/// <param name="Field">The JSON path of the field, e.g. <c>spec.mode</c> or <c>metadata.name</c>.</param>
public sealed record FieldCause(string Reason, string Message, string Field)
{
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";

    public JsonObject ToJson() => new()
    {
        ["reason"] = Reason,
        ["message"] = Message,
        ["field"] = Field,
    };

    public static FieldCause Required(string field, string? detail = null) =>
        new("FieldValueRequired", detail is null ? "Required value" : $"Required value: {detail}", field);

    public static FieldCause Invalid(string field, string renderedValue, string detail) =>
        new("FieldValueInvalid", $"Invalid value: {renderedValue}: {detail}", field);

    public static FieldCause NotSupported(string field, string renderedValue, IEnumerable<string> supported) =>
        new("FieldValueNotSupported", $"Unsupported value: {renderedValue}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}", field);

    public static FieldCause Forbidden(string field, string detail) =>
        new("FieldValueForbidden", $"Forbidden: {detail}", field);

    public static FieldCause TypeInvalid(string field, string renderedValue, string detail) =>
        new("FieldValueTypeInvalid", $"Invalid value: {renderedValue}: {detail}", field);

    public static FieldCause TooLong(string field, int max) =>
        new("FieldValueTooLong", $"Too long: may not be more than {max} bytes", field);
}

/// <summary><c>Status.details</c>.</summary>
public sealed record StatusDetails(string? Name, string? Group, string? Kind, string? Uid, IReadOnlyList<FieldCause>? Causes = null)
{
    public static StatusDetails For(GroupResourceName what) =>
        new(what.Name, what.Group.Length == 0 ? null : what.Group, what.Resource, null);

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Name is not null)
        {
            json["name"] = Name;
        }

        if (Group is not null)
        {
            json["group"] = Group;
        }

        if (Kind is not null)
        {
            json["kind"] = Kind;
        }

        if (Uid is not null)
        {
            json["uid"] = Uid;
        }

        if (Causes is { Count: > 0 })
        {
            json["causes"] = new JsonArray(Causes.Select(c => (JsonNode)c.ToJson()).ToArray());
        }

        return json;
    }
}
