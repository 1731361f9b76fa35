using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

[Trait("Category", "Integration")]
public class AuditVerificationOfRemovedRowTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    readonly ServiceProvider services = AuditServices.Build(fixture, TimeProvider.System);

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task A_deleted_row_breaks_the_link_of_the_event_after_it()
    {
        var trail = services.GetRequiredService<AuditTrail>();
        var ids = new List<long>();
        await using (var db = fixture.CreateContext())
            for (var i = 0; i < 4; i++)
                ids.Add((await trail.AppendAloneAsync(db, new AuditEntry("admin@demo.local", "user.created", "user", $"u{i}@x"))).Id);

        await using (var db = fixture.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
            await db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE id = {ids[1]}");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
        }

        var verdict = await services.GetRequiredService<AuditVerification>().VerifyAsync();

        Assert.Equal(ids[2], verdict.Break!.EventId);
        Assert.Equal(AuditChainFault.BrokenLink, verdict.Break.Fault);
        Assert.Equal($"prev_hash does not match the hash of event #{ids[0]}", verdict.Break.Reason);
    }
}
