using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Selectors;
using SiteMaintenance.Emulator.Semantics;
using SiteMaintenance.Emulator.Tables;

namespace SiteMaintenance.Emulator.Http;

/// <summary>Serves the resource paths: each verb on a resource, its <c>/status</c>, and namespaces' <c>/finalize</c>.</summary>
internal sealed class ResourceEndpoint(ObjectService service, LifecycleController lifecycle, WatchStreamer watches, EmulatorOptions options)
{
    private const int MaxFieldManagerLength = 128;
    private static readonly string[] PatchTypes = ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"];

    public async Task HandleAsync(HttpContext context, ApiRequestInfo info, QueryParameters query, string user, Fault? fault, CancellationToken stopping)
    {
        var type = service.Registry.Find(info.Group, info.Version, info.Resource) ?? throw NotFoundGeneric();
        if (!type.Namespaced && info.Namespace.Length > 0 && type.Plural != "namespaces")
        {
            throw NotFoundGeneric();
        }

        var sub = info.Subresource;
        if (sub.Length > 0 && !(sub == "status" && type.HasStatusSubresource) && !type.ExtraSubresources.Contains(sub))
        {
            throw NotFoundGeneric();
        }

        if (type.Namespaced && info.Namespace.Length == 0 && info.Verb is not ("list" or "watch"))
        {
            throw NotFoundGeneric();
        }

        var format = OutputFormat.Negotiate(context.Request.Headers.Accept.ToString());
        var pretty = query.Bool("pretty");
        var include = ParseInclude(query.String("includeObject"));
        var subresource = sub.Length == 0 ? null : sub;
        switch (info.Verb)
        {
            case "get":
                var obj = service.Get(type, info.Namespace, info.Name);
                await Responses.WriteObjectAsync(context, 200, type, obj, format, options.TimeProvider, include, pretty);
                break;
            case "list":
                await ListAsync(context, type, info, query, format, include, pretty);
                break;
            case "watch":
                await watches.StreamAsync(context, WatchRequestFor(type, info, query, format, include, fault), stopping);
                break;
            case "create" when type == BuiltinResources.SelfSubjectAccessReviews:
                await AccessReviewAsync(context, user, pretty);
                break;
            case "create":
                var createOptions = WriteOptionsFor(query, context, apply: false);
                var created = service.Create(type, info.Namespace, await ReadObjectAsync(context, type), createOptions);
                AfterWrite(type, created.Object, createOptions);
                Responses.AddWarnings(context, created.Warnings);
                await Responses.WriteObjectAsync(context, 201, type, created.Object, format, options.TimeProvider, include, pretty);
                break;
            case "update" when subresource == "finalize":
                await FinalizeNamespaceAsync(context, type, info, format, include, pretty);
                break;
            case "update":
                var updateOptions = WriteOptionsFor(query, context, apply: false);
                var updated = service.Update(type, info.Namespace, info.Name, await ReadObjectAsync(context, type), updateOptions, subresource);
                AfterWrite(type, updated.Object, updateOptions);
                Responses.AddWarnings(context, updated.Warnings);
                await Responses.WriteObjectAsync(context, updated.Created ? 201 : 200, type, updated.Object, format, options.TimeProvider, include, pretty);
                break;
            case "patch":
                var kind = PatchKindOf(context.Request.ContentType);
                var patchOptions = WriteOptionsFor(query, context, apply: kind == PatchKind.Apply);
                var patched = service.Patch(type, info.Namespace, info.Name, kind, await ReadBodyAsync(context), patchOptions, subresource);
                AfterWrite(type, patched.Object, patchOptions);
                Responses.AddWarnings(context, patched.Warnings);
                await Responses.WriteObjectAsync(context, patched.Created ? 201 : 200, type, patched.Object, format, options.TimeProvider, include, pretty);
                break;
            case "delete":
                var deleted = service.Delete(type, info.Namespace, info.Name, await DeleteRequestForAsync(context, query));
                var strategy = service.Strategies.For(type);
                if (deleted.Removed && !strategy.ReturnDeletedObject)
                {
                    await Responses.WriteJsonAsync(context, 200, Responses.DeletedStatus(type, deleted.Object), pretty: pretty);
                }
                else
                {
                    await Responses.WriteObjectAsync(context, 200, type, deleted.Object, format, options.TimeProvider, include, pretty);
                }

                break;
            case "deletecollection":
                var items = service.DeleteCollection(type, info.Namespace.Length == 0 ? null : info.Namespace, ListQueryFor(type, query), await DeleteRequestForAsync(context, query));
                await Responses.WriteJsonAsync(context, 200, Responses.List(type, items, service.Store.ResourceVersion, null, null), pretty: pretty);
                break;
            default:
                throw ApiException.MethodNotSupported(type.GroupResource, info.Verb);
        }
    }

    private static ApiException NotFoundGeneric() =>
        new(404, "NotFound", "the server could not find the requested resource", new StatusDetails(null, null, null, null));

    private static IncludeObjectPolicy ParseInclude(string? value) => value switch
    {
        null or "" or "Metadata" => IncludeObjectPolicy.Metadata,
        "Object" => IncludeObjectPolicy.Object,
        "None" => IncludeObjectPolicy.None,
        _ => throw ApiException.BadRequest($"Unable to convert to Table as requested: includeObject: Unsupported value: \"{value}\": supported values: \"None\", \"Metadata\", \"Object\""),
    };

    private static PatchKind PatchKindOf(string? contentType)
    {
        var mediaType = (contentType ?? string.Empty).Split(';')[0].Trim();
        return mediaType switch
        {
            "application/json-patch+json" => PatchKind.Json,
            "application/merge-patch+json" => PatchKind.Merge,
            "application/strategic-merge-patch+json" => PatchKind.Strategic,
            "application/apply-patch+yaml" or "application/apply-patch+cbor" => PatchKind.Apply,
            _ => throw ApiException.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", PatchTypes)}"),
        };
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context, ResourceType type)
    {
        var body = await ReadBodyAsync(context);
        var mediaType = (context.Request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (mediaType == "application/yaml")
        {
            return YamlJson.ParseObject(Encoding.UTF8.GetString(body));
        }

        if (mediaType is not ("application/json" or "*/*" or ""))
        {
            throw ApiException.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml");
        }

        return EmulatorJson.ParseObject(body, $"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}");
    }

    private static WriteOptions WriteOptionsFor(QueryParameters query, HttpContext context, bool apply)
    {
        var manager = query.String("fieldManager");
        if (manager is null)
        {
            if (apply)
            {
                throw new ApiException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", new StatusDetails(null, "meta.k8s.io", "PatchOptions", null, [FieldCause.Required("fieldManager", "is required for apply patch")]));
            }

            // The apiserver names an unnamed writer after its user agent's product token.
            manager = context.Request.Headers.UserAgent.ToString().Split('/')[0];
            if (manager.Length == 0)
            {
                manager = "unknown";
            }
        }

        if (manager.Length > MaxFieldManagerLength)
        {
            throw ApiException.BadRequest($"fieldManager: Too long: may not be more than {MaxFieldManagerLength} bytes");
        }

        var validation = query.String("fieldValidation") switch
        {
            null or "Warn" => FieldValidation.Warn,
            "Strict" => FieldValidation.Strict,
            "Ignore" => FieldValidation.Ignore,
            var other => throw ApiException.BadRequest($"fieldValidation: Unsupported value: \"{other}\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
        };

        var dryRun = query.String("dryRun");
        if (dryRun is not null and not "All")
        {
            throw ApiException.BadRequest($"dryRun: Unsupported value: \"{dryRun}\": supported values: \"All\"");
        }

        return new WriteOptions(manager, validation, dryRun == "All", query.Bool("force"));
    }

    private static async Task<DeleteRequest> DeleteRequestForAsync(HttpContext context, QueryParameters query)
    {
        var body = await ReadBodyAsync(context);
        JsonObject? options = body.Length > 0 ? EmulatorJson.ParseObject(body, "DeleteOptions") : null;
        var policy = options?["propagationPolicy"].Str() ?? query.String("propagationPolicy");
        var orphan = options?["orphanDependents"]?.GetValue<bool>() ?? (query.String("orphanDependents") is { } o ? o == "true" : null);
        if (policy is null && orphan is not null)
        {
            policy = orphan.Value ? "Orphan" : "Background";
        }

        if (policy is not (null or "Orphan" or "Foreground" or "Background"))
        {
            throw new ApiException(422, "Invalid", $"DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"");
        }

        var dryRun = options?["dryRun"] is JsonArray d ? d.Any(x => x.Str() == "All") : query.String("dryRun") == "All";
        return new DeleteRequest(
            policy,
            options?["preconditions"]?["uid"].Str(),
            options?["preconditions"]?["resourceVersion"].Str(),
            dryRun);
    }

    private static ListQuery ListQueryFor(ResourceType type, QueryParameters query)
    {
        var limit = query.Long("limit");
        return new ListQuery(
            LabelSelector.Parse(query.String("labelSelector")),
            ParseFieldSelector(type, query.String("fieldSelector")),
            limit is > 0 ? (int)Math.Min(limit.Value, int.MaxValue) : null,
            query.String("continue"));
    }

    /// <summary>
    /// Built-ins that register no field-label conversion (ConfigMap, Lease, Ingress, CRD…) word
    /// the unknown-label error differently from those that do and from custom resources.
    /// </summary>
    private static FieldSelector ParseFieldSelector(ResourceType type, string? selector) =>
        !type.IsCustom && type.ExtraFieldSelectors.Count == 0
            ? FieldSelector.ParseWithDefaultConversion(selector)
            : FieldSelector.Parse(selector, ObjectService.FieldLabels(type));

    private void AfterWrite(ResourceType type, JsonObject obj, WriteOptions write)
    {
        // A written CRD serves its resources before the request returns, as "established" promises;
        // a dry run stored nothing, so it serves nothing.
        if (type == BuiltinResources.CustomResourceDefinitions && !write.DryRun && obj["metadata"]?["deletionTimestamp"] is null)
        {
            lifecycle.SyncCrd(obj);
        }
    }

    private async Task ListAsync(HttpContext context, ResourceType type, ApiRequestInfo info, QueryParameters query, OutputFormat format, IncludeObjectPolicy include, bool pretty)
    {
        var result = service.List(type, info.Namespace.Length == 0 ? null : info.Namespace, ListQueryFor(type, query));
        var rv = result.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (format.Kind)
        {
            case OutputKind.Table:
                var table = TableConverter.ToTable(type, result.Items, new TableOptions(include, options.TimeProvider.GetUtcNow()));
                table["apiVersion"] = "meta.k8s.io/" + format.MetaVersion;
                var metadata = new JsonObject { ["resourceVersion"] = rv };
                if (result.Continue is not null)
                {
                    metadata["continue"] = result.Continue;
                    metadata["remainingItemCount"] = result.RemainingItemCount;
                }

                table["metadata"] = metadata;
                await Responses.WriteJsonAsync(context, 200, table, format.ContentType, pretty);
                break;
            case OutputKind.PartialObjectMetadataList:
                var list = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadataList",
                    ["apiVersion"] = "meta.k8s.io/" + format.MetaVersion,
                    ["metadata"] = new JsonObject { ["resourceVersion"] = rv },
                    ["items"] = new JsonArray([.. result.Items.Select(i => (JsonNode)Responses.PartialObjectMetadata(i, format.MetaVersion))]),
                };
                await Responses.WriteJsonAsync(context, 200, list, format.ContentType, pretty);
                break;
            case OutputKind.PartialObjectMetadata:
                throw ApiException.NotAcceptable($"you requested PartialObjectMetadata, but the requested object is a list (*{type.ListKind})");
            case OutputKind.Yaml:
                await Responses.WriteYamlAsync(context, 200, Responses.List(type, result.Items, result.ResourceVersion, result.Continue, result.RemainingItemCount));
                break;
            default:
                await Responses.WriteJsonAsync(context, 200, Responses.List(type, result.Items, result.ResourceVersion, result.Continue, result.RemainingItemCount), pretty: pretty);
                break;
        }
    }

    private WatchRequest WatchRequestFor(ResourceType type, ApiRequestInfo info, QueryParameters query, OutputFormat format, IncludeObjectPolicy include, Fault? fault)
    {
        var filter = ListQueryFor(type, query);
        if (info.Name.Length > 0)
        {
            // The legacy /watch/.../name path watches one object.
            filter = filter with { Fields = ParseFieldSelector(type, $"metadata.name={info.Name}") };
        }

        var rvText = query.String("resourceVersion");
        long? from = null;
        var sendInitialEvents = query.Bool("sendInitialEvents");
        if (rvText is not null and not "0" && !sendInitialEvents)
        {
            from = long.TryParse(rvText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rv)
                ? rv
                : throw ApiException.BadRequest($"invalid resource version: {rvText}");
        }

        var timeout = query.Long("timeoutSeconds") is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : options.DefaultWatchTimeout;
        return new WatchRequest(type, info.Namespace.Length == 0 ? null : info.Namespace, filter, from, sendInitialEvents, query.Bool("allowWatchBookmarks"), timeout, format, include, fault);
    }

    private async Task AccessReviewAsync(HttpContext context, string user, bool pretty)
    {
        var review = await ReadObjectAsync(context, BuiltinResources.SelfSubjectAccessReviews);
        var attributes = review["spec"]?["resourceAttributes"] as JsonObject;
        var allowed = attributes is null || options.Authorizer is null || options.Authorizer(new AuthorizationRequest(
            user,
            attributes["verb"].Str() ?? string.Empty,
            attributes["group"].Str() ?? string.Empty,
            attributes["resource"].Str() ?? string.Empty,
            attributes["subresource"].Str() ?? string.Empty,
            attributes["namespace"].Str() ?? string.Empty,
            attributes["name"].Str() ?? string.Empty));
        review["apiVersion"] = "authorization.k8s.io/v1";
        review["kind"] = "SelfSubjectAccessReview";
        review.Obj("metadata")["creationTimestamp"] = null;
        review["status"] = new JsonObject { ["allowed"] = allowed };
        await Responses.WriteJsonAsync(context, 201, review, pretty: pretty);
    }

    /// <summary><c>PUT namespaces/{name}/finalize</c>: replaces <c>spec.finalizers</c>.</summary>
    private async Task FinalizeNamespaceAsync(HttpContext context, ResourceType type, ApiRequestInfo info, OutputFormat format, IncludeObjectPolicy include, bool pretty)
    {
        var body = await ReadObjectAsync(context, type);
        var finalizers = body["spec"]?["finalizers"]?.DeepClone();
        var write = service.Store.Write(type.Storage, string.Empty, info.Name, (current, _) =>
        {
            if (current is null)
            {
                throw ObjectService.NotFound(type, info.Name);
            }

            var obj = current.Parse();
            obj.Obj("spec")["finalizers"] = finalizers;
            return Storage.WriteDecision.Put(obj);
        });
        await Responses.WriteObjectAsync(context, 200, type, service.Present(type, write.Object!), format, options.TimeProvider, include, pretty);
    }
}
