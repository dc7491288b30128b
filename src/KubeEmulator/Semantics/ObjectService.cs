using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Go;
using SiteMaintenance.Emulator.Patching;
using SiteMaintenance.Emulator.Resources;
using SiteMaintenance.Emulator.Semantics.Strategies;
using SiteMaintenance.Emulator.Storage;

namespace SiteMaintenance.Emulator.Semantics;

/// <summary>
/// The generic registry of the apiserver: every verb on every resource, with the object
/// semantics the real server applies (system metadata, generation, status subresource,
/// optimistic concurrency, finalizers, no-op writes, validation, dry run). Kind-specific
/// behaviour comes from <see cref="KindStrategy"/>.
/// </summary>
public sealed class ObjectService
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly StrategyCatalog _strategies;
    private readonly TimeProvider _clock;

    public ObjectService(ObjectStore store, ResourceRegistry registry, StrategyCatalog strategies, TimeProvider clock)
    {
        _store = store;
        _registry = registry;
        _strategies = strategies;
        _clock = clock;
    }

    public ObjectStore Store => _store;

    public ResourceRegistry Registry => _registry;

    public StrategyCatalog Strategies => _strategies;

    /// <summary>The served form of a stored object at <paramref name="type"/>'s version.</summary>
    public JsonObject Present(ResourceType type, StoredObject stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return _strategies.For(type).FromStorage(stored.Parse(), type);
    }

    public JsonObject Get(ResourceType type, string @namespace, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        var stored = _store.Get(type.Storage, Scope(type, @namespace), name) ?? throw NotFound(type, name);
        return Present(type, stored);
    }

    public ListResult List(ResourceType type, string? @namespace, ListQuery query)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(query);
        var (all, rv) = _store.Snapshot(type.Storage, type.Namespaced ? @namespace : null);
        var matching = all.Where(o => Matches(query, o)).ToList();
        var start = 0;
        if (!string.IsNullOrEmpty(query.Continue))
        {
            var after = ContinueToken.Decode(query.Continue);
            start = matching.FindIndex(o => string.CompareOrdinal(o.Namespace + "/" + o.Name, after) > 0);
            if (start < 0)
            {
                start = matching.Count;
            }
        }

        var page = query.Limit is > 0 ? matching.Skip(start).Take(query.Limit.Value).ToList() : matching.Skip(start).ToList();
        var remaining = matching.Count - start - page.Count;
        string? next = null;
        if (remaining > 0)
        {
            var last = page[^1];
            next = ContinueToken.Encode(last.Namespace + "/" + last.Name, rv);
        }

        return new ListResult(page.Select(o => Present(type, o)).ToList(), rv, next, remaining > 0 ? remaining : null);
    }

    /// <summary>Whether a stored object passes a list's selectors.</summary>
    public static bool Matches(ListQuery query, StoredObject o)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(o);
        return (query.Labels.IsEmpty || query.Labels.Matches(o.LabelsObject()))
            && (query.Fields.IsEmpty || query.Fields.Matches(o.FieldValue));
    }

    public WriteOutcome Create(ResourceType type, string @namespace, JsonObject body, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        if (!type.Verbs.Contains("create"))
        {
            throw ApiException.MethodNotSupported(type.GroupResource, "create");
        }

        CheckTypeMeta(type, body);
        var metadata = body.Obj("metadata");
        var ns = ResolveNamespace(type, @namespace, metadata);
        var generateName = metadata["generateName"].Str();
        var generate = string.IsNullOrEmpty(metadata["name"].Str()) && !string.IsNullOrEmpty(generateName);
        for (var attempt = 0; ; attempt++)
        {
            var candidate = (JsonObject)body.DeepClone();
            if (generate)
            {
                candidate.Obj("metadata")["name"] = GenerateName(generateName!);
            }

            try
            {
                return CreateNamed(type, ns, candidate, options);
            }
            catch (ApiException e) when (generate && e.Reason == "AlreadyExists" && attempt < 8)
            {
                // A generated name collided: the apiserver retries with another suffix.
            }
        }
    }

    public WriteOutcome Update(ResourceType type, string @namespace, string name, JsonObject body, WriteOptions options, string? subresource)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        CheckTypeMeta(type, body);
        var metadata = body.Obj("metadata");
        var bodyName = metadata["name"].Str();
        if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        metadata["name"] = name;
        var ns = ResolveNamespace(type, @namespace, metadata);
        var strategy = _strategies.For(type);
        var warnings = new List<string>();
        JsonObject? result = null;
        var created = false;
        var write = _store.Write(type.Storage, ns, name, (current, reader) =>
        {
            var context = new WriteContext(type, Now(), reader);
            if (current is null)
            {
                if (subresource is not null || !strategy.AllowCreateOnUpdate)
                {
                    throw NotFound(type, name);
                }

                created = true;
                var fresh = (JsonObject)body.DeepClone();

                // A PUT that creates ignores the resourceVersion it carries, as the apiserver's update path does.
                fresh.Obj("metadata").Remove("resourceVersion");
                CheckNamespaceExists(type, ns, reader);
                var admittedNew = Admit(type, strategy, fresh, null, options, context, subresource, warnings, managedFieldsSet: false);
                return Finish(type, strategy, null, admittedNew, options, out result);
            }

            var old = Present(type, current);
            var bodyRv = metadata["resourceVersion"].Str();
            if (string.IsNullOrEmpty(bodyRv))
            {
                if (!strategy.AllowUnconditionalUpdate)
                {
                    throw ApiException.Invalid(type.QualifiedKind, name, [FieldCause.Invalid("metadata.resourceVersion", "0x0", "must be specified for an update")]);
                }
            }
            else if (bodyRv != Rv(current))
            {
                throw ApiException.StaleResourceVersion(new GroupResourceName(type.Group, type.Plural, name));
            }

            CheckUid(type, name, metadata["uid"].Str(), old);
            var candidate = Candidate(type, old, (JsonObject)body.DeepClone(), subresource);
            var admitted = Admit(type, strategy, candidate, old, options, context, subresource, warnings, managedFieldsSet: false);
            return Finish(type, strategy, old, admitted, options, out result);
        });

        return Outcome(type, write, result, created, warnings);
    }

    public WriteOutcome Patch(ResourceType type, string @namespace, string name, PatchKind kind, ReadOnlyMemory<byte> patchBody, WriteOptions options, string? subresource)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        var ns = Scope(type, @namespace);
        if (kind == PatchKind.Strategic && type.IsCustom)
        {
            throw ApiException.UnsupportedMediaType("the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
        }

        var patch = ParsePatch(kind, patchBody.Span);
        var strategy = _strategies.For(type);
        var warnings = new List<string>();
        JsonObject? result = null;
        var created = false;
        var write = _store.Write(type.Storage, ns, name, (current, reader) =>
        {
            var context = new WriteContext(type, Now(), reader);
            if (current is null)
            {
                if (kind != PatchKind.Apply || subresource is not null)
                {
                    throw NotFound(type, name);
                }

                created = true;
                var intent = (JsonObject)patch.DeepClone();
                CheckTypeMeta(type, intent, applyRequiresTypeMeta: true);
                var intentMeta = intent.Obj("metadata");
                if (intentMeta["name"].Str() is { Length: > 0 } applyName && applyName != name)
                {
                    throw ApiException.BadRequest($"the name of the object ({applyName}) does not match the name on the URL ({name})");
                }

                intentMeta["name"] = name;
                ResolveNamespace(type, ns, intentMeta);
                CheckNamespaceExists(type, ns, reader);
                var applied = ServerSideApply.Apply(null, ApplyScope(type, intent, subresource), ApplyRequestFor(type, options, subresource, context.Now));
                var admittedNew = Admit(type, strategy, applied, null, options, context, subresource, warnings, managedFieldsSet: true);
                return Finish(type, strategy, null, admittedNew, options, out result);
            }

            var old = Present(type, current);
            var patched = kind switch
            {
                PatchKind.Merge => MergePatch.Apply(old, patch) as JsonObject,
                PatchKind.Json => JsonPatch.Apply(old, patch) as JsonObject,
                PatchKind.Strategic => StrategicMergePatch.Apply(old, (JsonObject)patch, type.Group, type.Kind),
                _ => ApplyToExisting(type, old, (JsonObject)patch, options, subresource, context.Now),
            } ?? throw ApiException.BadRequest("the patched object is not a JSON object");

            var patchedMeta = patched.Obj("metadata");
            var patchedRv = patchedMeta["resourceVersion"].Str();
            if (!string.IsNullOrEmpty(patchedRv) && patchedRv != Rv(current))
            {
                throw ApiException.StaleResourceVersion(new GroupResourceName(type.Group, type.Plural, name));
            }

            if (patchedMeta["name"].Str() != name)
            {
                throw ApiException.Invalid(type.QualifiedKind, name, [FieldCause.Invalid("metadata.name", GoQuote.Quote(patchedMeta["name"].Str() ?? string.Empty), "field is immutable")]);
            }

            CheckUid(type, name, patchedMeta["uid"].Str(), old);
            var candidate = Candidate(type, old, patched, subresource);
            var admitted = Admit(type, strategy, candidate, old, options, context, subresource, warnings, managedFieldsSet: kind == PatchKind.Apply);
            return Finish(type, strategy, old, admitted, options, out result);
        });

        return Outcome(type, write, result, created, warnings);
    }

    public DeleteOutcome Delete(ResourceType type, string @namespace, string name, DeleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(request);
        if (!type.Verbs.Contains("delete"))
        {
            throw ApiException.MethodNotSupported(type.GroupResource, "delete");
        }

        var strategy = _strategies.For(type);
        var ns = Scope(type, @namespace);
        JsonObject? result = null;
        var write = _store.Write(type.Storage, ns, name, (current, _) =>
        {
            if (current is null)
            {
                throw NotFound(type, name);
            }

            var obj = Present(type, current);
            var metadata = obj.Obj("metadata");
            if (request.PreconditionUid is { Length: > 0 } uid && uid != metadata["uid"].Str())
            {
                throw ApiException.Conflict(new GroupResourceName(type.Group, type.Plural, name), $"Precondition failed: UID in precondition: {uid}, UID in object meta: {metadata["uid"].Str()}");
            }

            if (request.PreconditionResourceVersion is { Length: > 0 } rv && rv != Rv(current))
            {
                throw ApiException.Conflict(new GroupResourceName(type.Group, type.Plural, name), $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {Rv(current)}");
            }

            result = obj;
            if (request.DryRun)
            {
                return WriteDecision.Keep;
            }

            var finalizers = MetadataRules.Strings(metadata["finalizers"]);
            var before = finalizers.Count;
            if (request.PropagationPolicy == "Orphan" && !finalizers.Contains("orphan"))
            {
                finalizers.Add("orphan");
            }
            else if (request.PropagationPolicy == "Foreground" && !finalizers.Contains("foregroundDeletion"))
            {
                finalizers.Add("foregroundDeletion");
            }

            var deleting = metadata["deletionTimestamp"] is not null;
            if (strategy is NamespaceStrategy)
            {
                if (deleting)
                {
                    return WriteDecision.Keep;
                }

                metadata["deletionTimestamp"] = ApiTime.FormatTime(Now());
                metadata["deletionGracePeriodSeconds"] = 0;
                SetFinalizers(metadata, finalizers);
                obj.Obj("status")["phase"] = "Terminating";
                return WriteDecision.Put(strategy.ToStorage(obj, type));
            }

            if (finalizers.Count == 0)
            {
                return WriteDecision.Remove(strategy.ToStorage(obj, type));
            }

            if (deleting && finalizers.Count == before)
            {
                return WriteDecision.Keep;
            }

            if (!deleting)
            {
                metadata["deletionTimestamp"] = ApiTime.FormatTime(Now());
                metadata["deletionGracePeriodSeconds"] = 0;
            }

            SetFinalizers(metadata, finalizers);
            return WriteDecision.Put(strategy.ToStorage(obj, type));
        });

        if (write.Object is not null && write.Changed)
        {
            result = Present(type, write.Object);
        }

        return new DeleteOutcome(result!, write.Removed);
    }

    /// <summary>Deletes every object a list query selects; returns their final states.</summary>
    public IReadOnlyList<JsonObject> DeleteCollection(ResourceType type, string? @namespace, ListQuery query, DeleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.Verbs.Contains("deletecollection"))
        {
            throw ApiException.MethodNotSupported(type.GroupResource, "deletecollection");
        }

        var results = new List<JsonObject>();
        foreach (var item in _store.List(type.Storage, type.Namespaced ? @namespace : null).Where(o => Matches(query, o)))
        {
            try
            {
                results.Add(Delete(type, item.Namespace, item.Name, request).Object);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted meanwhile: nothing left to do for it.
            }
        }

        return results;
    }

    /// <summary>The supported field-selector labels of a resource.</summary>
    public static IReadOnlyCollection<string> FieldLabels(ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ["metadata.name", "metadata.namespace", .. type.ExtraFieldSelectors];
    }

    internal static ApiException NotFound(ResourceType type, string name) =>
        ApiException.NotFound(new GroupResourceName(type.Group, type.Plural, name));

    private static string Rv(StoredObject o) => o.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Scope(ResourceType type, string @namespace) => type.Namespaced ? @namespace : string.Empty;

    private static void SetFinalizers(JsonObject metadata, List<string> finalizers)
    {
        if (finalizers.Count == 0)
        {
            metadata.Remove("finalizers");
        }
        else
        {
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
        }
    }

    private static string GenerateName(string prefix)
    {
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = GenerateNameAlphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)];
        }

        // The apiserver truncates the prefix so that the name fits 63 characters.
        var maxPrefix = 63 - suffix.Length;
        return (prefix.Length > maxPrefix ? prefix[..maxPrefix] : prefix) + new string(suffix);
    }

    private static void CheckTypeMeta(ResourceType type, JsonObject body, bool applyRequiresTypeMeta = false)
    {
        var apiVersion = body["apiVersion"].Str();
        var kind = body["kind"].Str();
        if (applyRequiresTypeMeta && (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind)))
        {
            throw ApiException.BadRequest($"invalid object type: {(string.IsNullOrEmpty(kind) ? "Object 'Kind' is missing" : "Object 'apiVersion' is missing")} in '{body.ToJsonString(EmulatorJson.NodeOptions)}'");
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.GroupVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.GroupVersion})");
        }

        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw ApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }
    }

    private static string ResolveNamespace(ResourceType type, string @namespace, JsonObject metadata)
    {
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return string.Empty;
        }

        var bodyNamespace = metadata["namespace"].Str();
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != @namespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = @namespace;
        return @namespace;
    }

    private static void CheckNamespaceExists(ResourceType type, string ns, IStoreReader reader)
    {
        if (!type.Namespaced)
        {
            return;
        }

        var found = reader.Get(BuiltinResources.Namespaces.Storage, string.Empty, ns);
        if (found is null)
        {
            throw ApiException.NotFound(new GroupResourceName(string.Empty, "namespaces", ns));
        }

        if (NamespaceStrategy.IsTerminating(found.Parse()))
        {
            throw new ApiException(403, "Forbidden", $"{type.GroupResource} is forbidden: unable to create new content in namespace {ns} because it is being terminated", new StatusDetails(null, type.Group.Length == 0 ? null : type.Group, type.Plural, null));
        }
    }

    private static void RejectResourceVersionOnCreate(JsonObject obj)
    {
        if (!string.IsNullOrEmpty(obj["metadata"]?["resourceVersion"].Str()))
        {
            throw ApiException.InternalError("resourceVersion should not be set on objects to be created");
        }
    }

    private static void CheckUid(ResourceType type, string name, string? uid, JsonObject old)
    {
        var oldUid = old["metadata"]?["uid"].Str();
        if (!string.IsNullOrEmpty(uid) && uid != oldUid)
        {
            throw ApiException.Conflict(new GroupResourceName(type.Group, type.Plural, name), $"Precondition failed: UID in precondition: {uid}, UID in object meta: {oldUid}");
        }
    }

    /// <summary>
    /// The object an update proposes: with a status subresource, the main resource keeps the old
    /// status and <c>/status</c> keeps everything but the status (and managedFields).
    /// </summary>
    private static JsonObject Candidate(ResourceType type, JsonObject old, JsonObject proposed, string? subresource)
    {
        if (subresource == "status")
        {
            var candidate = (JsonObject)old.DeepClone();
            candidate["status"] = proposed["status"]?.DeepClone();
            if (candidate["status"] is null)
            {
                candidate.Remove("status");
            }

            if (proposed["metadata"]?["managedFields"] is JsonArray managed)
            {
                candidate.Obj("metadata")["managedFields"] = managed.DeepClone();
            }

            return candidate;
        }

        if (type.HasStatusSubresource)
        {
            proposed["status"] = old["status"]?.DeepClone();
            if (proposed["status"] is null)
            {
                proposed.Remove("status");
            }
        }

        return proposed;
    }

    private static JsonNode ParsePatch(PatchKind kind, ReadOnlySpan<byte> body)
    {
        if (kind == PatchKind.Apply)
        {
            return YamlJson.ParseObject(Encoding.UTF8.GetString(body));
        }

        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"error decoding patch: {e.Message}");
        }

        return kind switch
        {
            PatchKind.Merge when patch is null => throw ApiException.BadRequest("Invalid JSON Patch"),
            PatchKind.Strategic when patch is not JsonObject => throw ApiException.BadRequest("error decoding patch: json: cannot unmarshal " + (patch is JsonArray ? "array" : "value") + " into Go value of type map[string]interface {}"),
            _ => patch ?? throw ApiException.BadRequest("Invalid JSON Patch"),
        };
    }

    /// <summary>
    /// What an apply may own: on a kind with a status subresource, the main resource's apply
    /// drops <c>status</c> and the <c>/status</c> apply keeps only <c>status</c> (and identity).
    /// </summary>
    private static JsonObject ApplyScope(ResourceType type, JsonObject intent, string? subresource)
    {
        if (subresource == "status")
        {
            var scoped = new JsonObject();
            foreach (var key in new[] { "apiVersion", "kind" })
            {
                scoped[key] = intent[key]?.DeepClone();
            }

            var metadata = new JsonObject();
            foreach (var key in new[] { "name", "namespace" })
            {
                if (intent["metadata"]?[key] is { } value)
                {
                    metadata[key] = value.DeepClone();
                }
            }

            scoped["metadata"] = metadata;
            if (intent["status"] is { } status)
            {
                scoped["status"] = status.DeepClone();
            }

            return scoped;
        }

        if (type.HasStatusSubresource)
        {
            intent.Remove("status");
        }

        return intent;
    }

    private static ApplyRequest ApplyRequestFor(ResourceType type, WriteOptions options, string? subresource, DateTimeOffset now) =>
        new(options.FieldManager, options.Force, type.GroupVersion, subresource, now, type.Group, type.Kind, type.IsCustom);

    private static JsonObject ApplyToExisting(ResourceType type, JsonObject old, JsonObject intent, WriteOptions options, string? subresource, DateTimeOffset now)
    {
        CheckTypeMeta(type, intent, applyRequiresTypeMeta: true);
        return ServerSideApply.Apply(old, ApplyScope(type, (JsonObject)intent.DeepClone(), subresource), ApplyRequestFor(type, options, subresource, now));
    }

    private static bool SpecChanged(ResourceType type, JsonObject newObj, JsonObject old) => type.Generation switch
    {
        GenerationPolicy.Spec => !JsonNode.DeepEquals(newObj["spec"], old["spec"]),
        GenerationPolicy.AllButMetadataAndStatus => !EqualExcept(newObj, old, "metadata", "status"),
        _ => false,
    };

    /// <summary>
    /// Deep equality of two objects apart from the top-level properties named in
    /// <paramref name="ignored"/>; compares in place, as this runs on every write.
    /// </summary>
    private static bool EqualExcept(JsonObject a, JsonObject b, params string[] ignored)
    {
        var compared = 0;
        foreach (var (key, value) in a)
        {
            if (ignored.Contains(key))
            {
                continue;
            }

            if (!b.TryGetPropertyValue(key, out var other) || !JsonNode.DeepEquals(value, other))
            {
                return false;
            }

            compared++;
        }

        return compared == b.Count(p => !ignored.Contains(p.Key));
    }

    /// <summary>Equal apart from bookkeeping that a no-op write must not change (resourceVersion, managedFields).</summary>
    private static bool SameContent(JsonObject a, JsonObject b)
    {
        if (!EqualExcept(a, b, "metadata"))
        {
            return false;
        }

        var inA = a.TryGetPropertyValue("metadata", out var metadataA);
        var inB = b.TryGetPropertyValue("metadata", out var metadataB);
        return inA == inB && (metadataA is JsonObject ma && metadataB is JsonObject mb
            ? EqualExcept(ma, mb, "resourceVersion", "managedFields")
            : JsonNode.DeepEquals(metadataA, metadataB));
    }

    private WriteOutcome CreateNamed(ResourceType type, string ns, JsonObject candidate, WriteOptions options)
    {
        var strategy = _strategies.For(type);
        var name = candidate["metadata"]?["name"].Str() ?? string.Empty;
        var warnings = new List<string>();
        JsonObject? result = null;
        var write = _store.Write(type.Storage, ns, name, (current, reader) =>
        {
            var context = new WriteContext(type, Now(), reader);
            if (name.Length == 0)
            {
                Admit(type, strategy, candidate, null, options, context, null, warnings, managedFieldsSet: false);
            }

            if (current is not null)
            {
                throw ApiException.AlreadyExists(new GroupResourceName(type.Group, type.Plural, name));
            }

            RejectResourceVersionOnCreate(candidate);
            CheckNamespaceExists(type, ns, reader);
            var admitted = Admit(type, strategy, candidate, null, options, context, null, warnings, managedFieldsSet: false);
            return Finish(type, strategy, null, admitted, options, out result);
        });

        return Outcome(type, write, result, created: true, warnings);
    }

    private WriteOutcome Outcome(ResourceType type, WriteResult write, JsonObject? result, bool created, List<string> warnings)
    {
        if (write.Changed && write.Object is not null)
        {
            result = Present(type, write.Object);
        }

        return new WriteOutcome(result ?? throw new InvalidOperationException("a write produced no object"), created, warnings);
    }

    /// <summary>
    /// Turns a proposed object into the one to store, as the apiserver's create/update path does:
    /// type and system metadata, strategy defaults and resets, canonical times, schema defaulting
    /// and pruning, unknown-field handling, validation, generation and managedFields.
    /// </summary>
    private static JsonObject Admit(ResourceType type, KindStrategy strategy, JsonObject obj, JsonObject? old, WriteOptions options, WriteContext context, string? subresource, List<string> warnings, bool managedFieldsSet)
    {
        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        var metadata = obj.Obj("metadata");
        var unknown = new List<string>(MetadataRules.PruneUnknown(metadata));
        if (strategy.TopLevelFields is { } known)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => !known.Contains(k)).ToList())
            {
                obj.Remove(key);
                unknown.Add(key);
            }
        }

        metadata.Remove("selfLink");
        if (old is null)
        {
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = ApiTime.FormatTime(context.Now);
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            metadata.Remove("resourceVersion");
            if (type.Generation == GenerationPolicy.None)
            {
                metadata.Remove("generation");
            }
            else
            {
                metadata["generation"] = 1;
            }

            if (!managedFieldsSet)
            {
                metadata.Remove("managedFields");
            }

            if (type.HasStatusSubresource && type.IsCustom)
            {
                obj.Remove("status");
            }

            strategy.PrepareForCreate(obj, context);
        }
        else
        {
            var oldMeta = old.Obj("metadata");
            foreach (var key in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
            {
                if (oldMeta[key] is { } value)
                {
                    metadata[key] = value.DeepClone();
                }
                else
                {
                    metadata.Remove(key);
                }
            }

            if (!managedFieldsSet)
            {
                if (oldMeta["managedFields"] is { } managed)
                {
                    metadata["managedFields"] = managed.DeepClone();
                }
                else
                {
                    metadata.Remove("managedFields");
                }
            }

            strategy.PrepareForUpdate(obj, old, context);
        }

        strategy.NormalizeTimes(obj, type);
        if (type.IsCustom && type.Schema is { } schema)
        {
            schema.ApplyDefaults(obj);
            unknown.AddRange(schema.Prune(obj));
        }

        if (unknown.Count > 0)
        {
            switch (options.FieldValidation)
            {
                case FieldValidation.Strict:
                    throw ApiException.BadRequest("strict decoding error: " + string.Join(", ", unknown.Select(u => $"unknown field \"{u}\"")));
                case FieldValidation.Warn:
                    warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
                    break;
                default:
                    break;
            }
        }

        var name = metadata["name"].Str() ?? string.Empty;
        var kubeFinalizerNames = !type.IsCustom && type.Group != "apiextensions.k8s.io";
        var causes = new List<FieldCause>(MetadataRules.Validate(metadata, strategy.NameFormat, kubeFinalizerNames));
        if (old is not null)
        {
            causes.AddRange(MetadataRules.ValidateFinalizersDuringDeletion(old.Obj("metadata"), metadata));
        }

        causes.AddRange(strategy.Validate(obj, old, context));
        if (causes.Count > 0)
        {
            throw ApiException.Invalid(type.QualifiedKind, name, causes);
        }

        if (old is not null && type.Generation != GenerationPolicy.None && SpecChanged(type, obj, old))
        {
            var generation = old["metadata"]?["generation"]?.GetValue<long>() ?? 0;
            metadata["generation"] = generation + 1;
        }

        if (!managedFieldsSet)
        {
            ManagedFields.RecordUpdate(old, obj, options.FieldManager, type.GroupVersion, subresource, context.Now);
        }

        return obj;
    }

    /// <summary>Decides the store operation: nothing for a no-op or a dry run, removal once a deleted object's finalizers are gone.</summary>
    private static WriteDecision Finish(ResourceType type, KindStrategy strategy, JsonObject? old, JsonObject admitted, WriteOptions options, out JsonObject? result)
    {
        if (old is not null && SameContent(old, admitted))
        {
            result = old;
            return WriteDecision.Keep;
        }

        if (options.DryRun)
        {
            result = admitted;
            return WriteDecision.Keep;
        }

        result = null;
        var metadata = admitted.Obj("metadata");
        var stored = strategy.ToStorage((JsonObject)admitted.DeepClone(), type);
        if (old is not null && metadata["deletionTimestamp"] is not null && MetadataRules.Strings(metadata["finalizers"]).Count == 0)
        {
            return WriteDecision.Remove(stored);
        }

        return WriteDecision.Put(stored);
    }

    private DateTimeOffset Now() => _clock.GetUtcNow();
}
