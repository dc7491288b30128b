using Microsoft.AspNetCore.Http;
using Prometheus;

namespace SiteMaintenance.Operator.Hosting;

/// <summary>
/// Answers <c>/healthz</c> and <c>/readyz</c> on the probe listener and <c>/metrics</c> (Prometheus
/// text format) on the metrics listener; anything else is 404.
/// </summary>
internal sealed class OperatorEndpoints(OperatorHealth health, OperatorMetrics metrics, ServingEndpoints endpoints)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = context.Connection.LocalPort;
        var path = context.Request.Path.Value;
        var get = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (get && port == endpoints.HealthPort && path == "/healthz")
        {
            await WriteAsync(context, health.Liveness());
        }
        else if (get && port == endpoints.HealthPort && path == "/readyz")
        {
            await WriteAsync(context, health.Readiness());
        }
        else if (get && port == endpoints.MetricsPort && path == "/metrics")
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.ToString(), context.RequestAborted);
    }
}
