using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

[Trait("Category", "Integration")]
public class AuditVerificationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    readonly ServiceProvider services = AuditServices.Build(fixture, new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero)));

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task Verify_names_the_event_whose_row_was_altered_behind_the_triggers_back()
    {
        var trail = services.GetRequiredService<AuditTrail>();
        var verification = services.GetRequiredService<AuditVerification>();
        var ids = new List<long>();
        await using (var db = fixture.CreateContext())
            for (var i = 0; i < 7; i++)
                ids.Add((await trail.AppendAloneAsync(db, new AuditEntry("admin@demo.local", "user.created", "user", $"u{i}@x"))).Id);

        // A batch of 3 makes the walk cross batch boundaries, as it does on a long trail.
        var before = await verification.VerifyAsync(batchSize: 3);
        Assert.True(before.IsIntact);
        Assert.Equal(7, before.Verified);

        var tampered = ids[4];
        await using (var db = fixture.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
            await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET actor = 'mallory' WHERE id = {tampered}");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
        }

        var after = await verification.VerifyAndRecordAsync("viewer@demo.local", batchSize: 3);

        Assert.False(after.IsIntact);
        Assert.Equal(tampered, after.Break!.EventId);
        Assert.Equal(AuditChainFault.AlteredContent, after.Break.Fault);
        Assert.Equal(4, after.Verified);

        await using var read = fixture.CreateContext();
        var record = await read.AuditEvents.OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((AuditActions.Verified, "viewer@demo.local"), (record.Action, record.Actor));
        Assert.False((bool)record.Details["intact"]!);
        Assert.Equal(tampered, (long)record.Details["brokenAt"]!);
    }
}
