using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Counts audit events about one subject, so a change is judged by its own events whatever else runs meanwhile.</summary>
static class AuditCounts
{
    public static async Task<int> ForAsync(string connectionString, string subjectType, string subjectId)
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        await using var db = new OpsDbContext(options.Options);
        return await db.AuditEvents.CountAsync(e => e.SubjectType == subjectType && e.SubjectId == subjectId);
    }

    public static async Task<List<string>> ActionsAsync(string connectionString, string subjectType, string subjectId)
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        await using var db = new OpsDbContext(options.Options);
        return await db.AuditEvents.Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }
}
