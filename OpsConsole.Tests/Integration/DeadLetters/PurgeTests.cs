using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.DeadLetters;

[Trait("Category", "Integration")]
public class PurgeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Purge_removes_old_resolved_and_discarded_only_and_audits_the_count()
    {
        await using var h = new RemediationHarness(fixture, new Dictionary<string, string?> { ["DeadLetters:RetentionDays"] = "30" });
        // Closed by hand now, so its history exists; 40 days on it is past retention and goes with its history.
        var handClosed = (await h.SeedAsync(1, prefix: "hand-closed"))[0];
        await h.Remediation.DiscardAsync(RemediationHarness.Remediator(), handClosed, "withdrawn");
        h.Clock.Advance(TimeSpan.FromDays(40));
        var now = h.Clock.GetUtcNow();
        var oldUnresolved = await h.SeedAsync(2, DeadLetterStatus.Unresolved, prefix: "old-open");
        var oldRetrying = await h.SeedAsync(1, DeadLetterStatus.Retrying, prefix: "old-retrying");
        await h.SeedAsync(3, DeadLetterStatus.Resolved, prefix: "old-resolved", closedAt: now.AddDays(-31));
        await h.SeedAsync(2, DeadLetterStatus.Discarded, prefix: "old-discarded", closedAt: now.AddDays(-45));
        var recentResolved = await h.SeedAsync(1, DeadLetterStatus.Resolved, prefix: "new-resolved", closedAt: now.AddDays(-29));

        var purged = await h.Purge.PurgeAsync();

        Assert.Equal(6, purged);
        await using var db = await h.Services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var left = await db.DeadLetters.AsNoTracking().Select(d => d.Id).ToListAsync();
        Assert.Equal(oldUnresolved.Concat(oldRetrying).Concat(recentResolved).Order(), left.Order());
        Assert.Equal(0, await db.DeadLetterActions.CountAsync(a => a.DeadLetterId == handClosed));
        var e = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == DeadLetterActions.Purged);
        Assert.Equal((DeadLetterPurge.Actor, 6), (e.Actor, e.Details["count"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("99999")]
    public async Task Retention_days_outside_the_range_is_refused_naming_the_setting(string days)
    {
        await using var h = new RemediationHarness(fixture, new Dictionary<string, string?> { ["DeadLetters:RetentionDays"] = days });

        var error = Assert.Throws<OptionsValidationException>(() => h.Services.GetRequiredService<IOptions<DeadLetterOptions>>().Value);

        Assert.Contains("DeadLetters:RetentionDays must be a whole number of days from 1 to 3650", error.Message);
    }
}
