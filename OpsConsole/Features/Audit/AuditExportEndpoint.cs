using System.Globalization;
using System.Text;
using OpsConsole.Features.Identity;

namespace OpsConsole.Features.Audit;

/// <summary>GET /audit/export.csv: the page's filter as query parameters, the rows streamed back as a CSV download.</summary>
static class AuditExportEndpoint
{
    public const string Path = "/audit/export.csv";

    public static void MapAuditExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ExportAsync).RequireAuthorization(OpsPolicies.ReadAudit).ExcludeFromDescription();

    static async Task ExportAsync([AsParameters] AuditFilter filter, HttpContext http, AuditExport export, TimeProvider time, CancellationToken ct)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{stamp}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await export.WriteCsvAsync(filter, http.User.Identity?.Name ?? "unknown", writer, ct);
    }
}
