using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SiteMaintenance.Emulator.Api;
using SiteMaintenance.Emulator.Discovery;
using SiteMaintenance.Emulator.Faults;
using SiteMaintenance.Emulator.OpenApi;
using SiteMaintenance.Emulator.Recording;
using SiteMaintenance.Emulator.Semantics;

namespace SiteMaintenance.Emulator.Http;

/// <summary>
/// The emulator's one request handler: identifies the caller, applies injected faults and the
/// authorizer, serves the non-resource paths (version, health, discovery, OpenAPI) and hands
/// resource paths to <see cref="ResourceEndpoint"/>. Every request is recorded.
/// </summary>
internal sealed partial class ApiHandler(
    ObjectService service,
    ResourceEndpoint resources,
    EmulatorOptions options,
    FaultInjector faults,
    RequestLog log,
    ILogger logger,
    Func<string> serverAddress,
    CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var query = new QueryParameters(context.Request.Query);
        var (user, credential) = Identify(context.Request.Headers.Authorization.ToString());
        var info = ApiRequestInfo.Parse(context.Request.Method, context.Request.Path.Value ?? "/", query.Raw) with
        {
            Query = context.Request.QueryString.Value ?? string.Empty,
            User = user,
            Credential = credential,
        };
        var statusCode = 500;
        try
        {
            var fault = faults.Take(info);
            switch (fault)
            {
                case Fault.DelayFault delay:
                    await Task.Delay(delay.Duration, context.RequestAborted);
                    break;
                case Fault.ErrorFault error:
                    throw error.Exception;
                case Fault.DropFault:
                    statusCode = 0;
                    context.Abort();
                    return;
                default:
                    break;
            }

            if (info.IsResourceRequest)
            {
                Authorize(info, user);
                await resources.HandleAsync(context, info, query, user, fault, stopping);
            }
            else
            {
                await ServeNonResourceAsync(context, info);
            }

            statusCode = context.Response.StatusCode;
        }
        catch (ApiException e)
        {
            statusCode = e.Code;
            if (!context.Response.HasStarted)
            {
                await Responses.WriteStatusAsync(context, e);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            statusCode = 499;
        }
        catch (Exception e)
        {
            // Any other failure is a bug of the emulator: answer as the apiserver does for
            // internal errors, and log it, rather than dropping the connection.
            LogUnexpected(logger, context.Request.Method, info.Path, e);
            if (!context.Response.HasStarted)
            {
                await Responses.WriteStatusAsync(context, ApiException.InternalError(e.Message));
            }
        }
        finally
        {
            log.Add(new RecordedRequest(
                options.TimeProvider.GetUtcNow(), info.Verb, info.Group, info.Version, info.Resource, info.Subresource,
                info.Namespace, info.Name, user, context.Request.Headers.UserAgent.ToString(), info.Method, info.Path, info.Query, statusCode, credential)
            {
                Duration = System.Diagnostics.Stopwatch.GetElapsedTime(started),
            });
        }
    }

    private (string User, string Credential) Identify(string authorization)
    {
        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return ("system:anonymous", string.Empty);
        }

        var token = authorization[bearer.Length..].Trim();
        var credential = RecordedRequest.CredentialOf(token);
        if (token == options.AdminToken)
        {
            return (options.AdminUser, credential);
        }

        return (options.Tokens.TryGetValue(token, out var user) ? user : token, credential);
    }

    private void Authorize(ApiRequestInfo info, string user)
    {
        if (options.Authorizer is not { } authorizer)
        {
            return;
        }

        var request = new AuthorizationRequest(user, info.Verb, info.Group, info.Resource, info.Subresource, info.Namespace, info.Name);
        if (authorizer(request))
        {
            return;
        }

        var resource = info.Subresource.Length > 0 ? $"{info.Resource}/{info.Subresource}" : info.Resource;
        var groupResource = info.Group.Length == 0 ? info.Resource : $"{info.Resource}.{info.Group}";
        var subject = info.Name.Length > 0 ? $"{groupResource} \"{info.Name}\"" : groupResource;
        var scope = info.Namespace.Length > 0 ? $" in the namespace \"{info.Namespace}\"" : " at the cluster scope";
        throw new ApiException(
            403,
            "Forbidden",
            $"{subject} is forbidden: User \"{user}\" cannot {info.Verb} resource \"{resource}\" in API group \"{info.Group}\"{scope}",
            new StatusDetails(info.Name.Length > 0 ? info.Name : null, info.Group.Length > 0 ? info.Group : null, info.Resource, null));
    }

    private async Task ServeNonResourceAsync(HttpContext context, ApiRequestInfo info)
    {
        var path = info.Path.TrimEnd('/');
        var accept = context.Request.Headers.Accept.ToString();
        var registry = service.Registry;
        switch (path)
        {
            case "/version":
                await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.Version(options.MinorVersion));
                return;
            case "/healthz" or "/livez" or "/readyz":
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
            case "/api" or "/apis":
                var core = path == "/api";
                if (OutputFormat.AggregatedDiscoveryVersion(accept) is { } v)
                {
                    context.Response.Headers.Vary = "Accept";
                    var contentType = v == "v2" ? DiscoveryDocuments.AggregatedV2ContentType : DiscoveryDocuments.AggregatedV2Beta1ContentType;
                    await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.Aggregated(registry, core, "apidiscovery.k8s.io/" + v), contentType);
                }
                else
                {
                    await Responses.WriteJsonAsync(context, 200, core ? DiscoveryDocuments.LegacyCoreVersions(serverAddress()) : DiscoveryDocuments.LegacyGroupList(registry));
                }

                return;
            case "/openapi/v3":
                await Responses.WriteJsonAsync(context, 200, OpenApiDocuments.Index(registry));
                return;
            case "/openapi/v2":
                // Served as JSON only; a client that accepts nothing but protobuf gets 406.
                if (accept.Length > 0 && !accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*", StringComparison.Ordinal))
                {
                    throw ApiException.NotAcceptable("only the following media types are accepted: application/json");
                }

                await Responses.WriteJsonAsync(context, 200, OpenApiDocuments.SwaggerV2(registry));
                return;
            default:
                break;
        }

        var segments = path.Trim('/').Split('/');
        if (segments is ["api", var coreVersion] && registry.InGroupVersion(string.Empty, coreVersion).Count > 0)
        {
            await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.ResourceList(string.Empty, coreVersion, registry.InGroupVersion(string.Empty, coreVersion)));
            return;
        }

        if (segments is ["apis", var groupName] && registry.Groups.FirstOrDefault(g => g.Name == groupName && g.Name.Length > 0) is { } group)
        {
            await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.Group(group));
            return;
        }

        if (segments is ["apis", var g, var version] && registry.InGroupVersion(g, version).Count > 0)
        {
            await Responses.WriteJsonAsync(context, 200, DiscoveryDocuments.ResourceList(g, version, registry.InGroupVersion(g, version)));
            return;
        }

        if (segments.Length >= 3 && segments[0] == "openapi" && segments[1] == "v3")
        {
            var (docGroup, docVersion) = segments switch
            {
                [_, _, "api", var cv] => (string.Empty, cv),
                [_, _, "apis", var dg, var dv] => (dg, dv),
                _ => (string.Empty, string.Empty),
            };
            if (docVersion.Length > 0 && OpenApiDocuments.Document(registry, docGroup, docVersion) is { } doc)
            {
                await Responses.WriteJsonAsync(context, 200, doc);
                return;
            }
        }

        if (info.Path.StartsWith("/api", StringComparison.Ordinal))
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource", new StatusDetails(null, null, null, null));
        }

        context.Response.StatusCode = 404;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("404 page not found\n", context.RequestAborted);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Unexpected failure serving {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, string method, string path, Exception exception);
}
