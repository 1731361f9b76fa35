using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Audit;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class SlaPoliciesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string AdaEmail = "ada@ops.test";
    const string BobEmail = "bob@ops.test";
    readonly ApprovalHarness harness = new(fixture);

    // The settings give Mint a 2 h reminder, so "settings" and the built-in default can be told apart.
    static readonly Dictionary<string, string?> Settings = new() { ["Sla:Policies:Mint:RemindAfter"] = "02:00:00" };

    static readonly SlaPolicy Edited = new()
    {
        RemindAfter = TimeSpan.FromHours(1),
        EscalateAfter = TimeSpan.FromHours(6),
        EscalateFinalAfter = TimeSpan.FromHours(10),
        ExpireAfter = TimeSpan.FromDays(2),
        Clock = SlaClock.WallClock,
    };

    static System.Security.Claims.ClaimsPrincipal Admin(string email) => ApprovalHarness.User(email, Roles.Admin, null);

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        // The class shares one database; each test starts from the settings.
        await using var db = fixture.CreateContext();
        await db.SlaPolicyOverrides.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    SlaPolicies Policies(IServiceProvider? app = null) => (app ?? harness.Instance(Settings)).GetRequiredService<SlaPolicies>();

    async Task<List<AuditEvent>> PolicyAuditAsync()
    {
        await using var db = fixture.CreateContext();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == ApprovalAuditActions.PolicyChanged && e.SubjectId == nameof(ApprovalKind.Mint))
            .OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Effective_policy_comes_from_the_settings_until_an_admin_edits_it()
    {
        var policies = Policies();

        var before = (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint);
        Assert.False(before.IsEdited);
        Assert.Equal(SlaPolicy.MintDefault with { RemindAfter = TimeSpan.FromHours(2) }, before.Policy);

        Assert.Empty(await policies.SaveAsync(Admin(AdaEmail), ApprovalKind.Mint, Edited, null));

        var after = (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint);
        Assert.Equal(Edited, after.Policy);
        Assert.Equal(AdaEmail, after.EditedBy);
        Assert.Equal(ApprovalHarness.Start, after.EditedAt);
        Assert.NotNull(after.Version);
    }

    [Fact]
    public async Task Saving_writes_one_audit_event_with_each_changed_field_before_and_after()
    {
        var policies = Policies();
        var auditBefore = (await PolicyAuditAsync()).Count;

        Assert.Empty(await policies.SaveAsync(Admin(AdaEmail), ApprovalKind.Mint,
            Edited with { EscalateAfter = SlaPolicy.MintDefault.EscalateAfter, EscalateFinalAfter = null, ExpireAfter = SlaPolicy.MintDefault.ExpireAfter }, null));

        var events = await PolicyAuditAsync();
        Assert.Equal(auditBefore + 1, events.Count);
        var e = events[^1];
        Assert.Equal((AdaEmail, SlaPolicies.SubjectType), (e.Actor, e.SubjectType));
        Assert.Equal("settings", e.Details["source"]!["before"]!.GetValue<string>());
        Assert.Equal("edited", e.Details["source"]!["after"]!.GetValue<string>());
        var changes = e.Details["changes"]!.AsObject();
        Assert.Equal(["RemindAfter"], changes.Select(c => c.Key));
        Assert.Equal("02:00:00", changes["RemindAfter"]!["before"]!.GetValue<string>());
        Assert.Equal("01:00:00", changes["RemindAfter"]!["after"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reset_to_settings_deletes_the_override_and_is_audited()
    {
        var policies = Policies();
        Assert.Empty(await policies.SaveAsync(Admin(AdaEmail), ApprovalKind.Mint, Edited, null));
        var edited = (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint);

        Assert.Empty(await policies.ResetAsync(Admin(BobEmail), ApprovalKind.Mint, edited.Version));

        var reset = (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint);
        Assert.False(reset.IsEdited);
        Assert.Equal(TimeSpan.FromHours(2), reset.Policy.RemindAfter);
        await using (var db = fixture.CreateContext())
            Assert.False(await db.SlaPolicyOverrides.AnyAsync());
        var e = (await PolicyAuditAsync())[^1];
        Assert.Equal(BobEmail, e.Actor);
        Assert.Equal("settings", e.Details["source"]!["after"]!.GetValue<string>());
        Assert.Equal("off", e.Details["changes"]!["EscalateFinalAfter"]!["after"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_edit_from_an_outdated_read_is_refused_naming_who_changed_it()
    {
        var policies = Policies();
        var opened = (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint);
        Assert.Empty(await policies.SaveAsync(Admin(BobEmail), ApprovalKind.Mint, Edited, opened.Version));
        var auditCount = (await PolicyAuditAsync()).Count;

        var refused = Assert.Single(await policies.SaveAsync(Admin(AdaEmail), ApprovalKind.Mint,
            Edited with { RemindAfter = TimeSpan.FromMinutes(30) }, opened.Version));

        Assert.Equal("", refused.Field);
        Assert.Equal($"The Mint policy was changed by {BobEmail} at 2026-11-02 09:00 UTC after you opened it; reload to see it, then edit again.",
            refused.Message);
        Assert.Equal(Edited, (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint).Policy);
        Assert.Equal(auditCount, (await PolicyAuditAsync()).Count);
    }

    [Fact]
    public async Task An_edit_racing_another_write_of_the_row_is_refused_by_xmin()
    {
        var policies = Policies();
        Assert.Empty(await policies.SaveAsync(Admin(AdaEmail), ApprovalKind.Mint, Edited, null));
        var opened = (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint);
        await using var other = new NpgsqlConnection(fixture.ConnectionString);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var touch = new NpgsqlCommand("UPDATE sla_policy_overrides SET updated_by = 'bob@ops.test' WHERE kind = 'Mint'", other, tx))
            Assert.Equal(1, await touch.ExecuteNonQueryAsync());

        // The save reads the old row, then its xmin-guarded UPDATE waits on the other writer's lock.
        var saving = policies.SaveAsync(Admin(AdaEmail), ApprovalKind.Mint, Edited with { RemindAfter = TimeSpan.FromMinutes(30) }, opened.Version);
        await Poll.UntilAsync(WaitingLocksAsync, n => n > 0);
        await tx.CommitAsync();

        var refused = Assert.Single(await saving);
        // The conflict is retried on a fresh read, which finds the other writer's row and names them.
        Assert.Contains("changed by bob@ops.test", refused.Message);
        Assert.Equal(Edited, (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint).Policy);
    }

    [Fact]
    public async Task An_unusable_policy_is_refused_naming_the_field_and_nothing_is_written()
    {
        var policies = Policies();
        var auditCount = (await PolicyAuditAsync()).Count;

        var refused = Assert.Single(await policies.SaveAsync(Admin(AdaEmail), ApprovalKind.Mint,
            Edited with { EscalateAfter = TimeSpan.FromHours(-1) }, null));

        Assert.Equal("EscalateAfter", refused.Field);
        Assert.Equal("Sla:Policies:Mint:EscalateAfter must be a positive time span or empty", refused.Message);
        Assert.False((await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint).IsEdited);
        Assert.Equal(auditCount, (await PolicyAuditAsync()).Count);
    }

    [Fact]
    public async Task Only_an_admin_may_change_a_policy()
    {
        var policies = Policies();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            policies.SaveAsync(ApprovalHarness.User("manager@ops.test", Roles.Manager), ApprovalKind.Mint, Edited, null));

        Assert.False((await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint).IsEdited);
    }

    [Fact]
    public async Task New_requests_and_resubmissions_take_the_edited_policy_while_open_ones_keep_theirs()
    {
        var app = harness.Instance(Settings);
        var service = app.GetRequiredService<ApprovalService>();
        var older = await harness.CreateAsync(service);

        Assert.Empty(await Policies(app).SaveAsync(Admin(AdaEmail), ApprovalKind.Mint, Edited, null));
        var newer = await harness.CreateAsync(service);

        Assert.Equal(TimeSpan.FromHours(2), (await harness.ReadAsync(older)).Policy.RemindAfter);
        Assert.Equal(ApprovalHarness.Start.AddHours(2), (await harness.ReadAsync(older)).NextDueAt);
        Assert.Equal(Edited, (await harness.ReadAsync(newer)).Policy);
        Assert.Equal(ApprovalHarness.Start.AddHours(1), (await harness.ReadAsync(newer)).NextDueAt);

        // The older request expires under its own 24 h; its resubmission opens under the edited policy.
        harness.Clock.Advance(TimeSpan.FromHours(24));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();
        Assert.Equal(ApprovalStatus.Expired, (await harness.ReadAsync(older)).Status);
        Assert.IsType<TransitionOutcome.Applied>(await service.ResubmitAsync(older, ApprovalHarness.User("operator@demo.local", Roles.Operator)));
        await using var db = fixture.CreateContext();
        var fresh = await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.ResubmissionOf == older);
        Assert.Equal(Edited, fresh.Policy);
        Assert.Equal(harness.Clock.GetUtcNow().AddHours(1), fresh.NextDueAt);
    }

    async Task<long> WaitingLocksAsync()
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
