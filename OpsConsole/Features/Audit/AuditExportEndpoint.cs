using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OpsConsole.Features.Identity;

namespace OpsConsole.Features.Audit;

/// <summary>GET /audit/export.csv: the page's filter as query parameters, the rows streamed back as a CSV download.</summary>
static class AuditExportEndpoint
{
    public const string Path = "/audit/export.csv";

    public static void MapAuditExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, Export).RequireAuthorization(OpsPolicies.ReadAudit).ExcludeFromDescription();

    static PushStreamHttpResult Export([AsParameters] AuditFilter filter, HttpContext http, AuditExport export, TimeProvider time)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        // Written here rather than by the result's file name, which would add a filename* form the contract never had.
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{stamp}.csv\"";
        var actor = http.User.Identity?.Name ?? "unknown";
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await export.WriteCsvAsync(filter, actor, writer, http.RequestAborted);
        }, "text/csv; charset=utf-8");
    }
}
