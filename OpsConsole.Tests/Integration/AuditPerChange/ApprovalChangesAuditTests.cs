using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Approvals;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>Each change an approval service makes leaves exactly one audit event; a refusal or a non-change leaves none.</summary>
[Trait("Category", "Integration")]
public sealed class ApprovalChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ApprovalHarness harness = new(fixture);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    static readonly System.Security.Claims.ClaimsPrincipal Operator = ApprovalHarness.User("operator@demo.local", Roles.Operator);
    static readonly System.Security.Claims.ClaimsPrincipal Requester = ApprovalHarness.User(ApprovalHarness.Requester, Roles.Operator);

    Task<List<string>> ActionsAsync(Guid id) => AuditCounts.ActionsAsync(fixture.ConnectionString, ApprovalAuditActions.SubjectType, id.ToString());

    [Fact]
    public async Task Each_action_on_a_request_leaves_one_event_and_a_refused_one_none()
    {
        var service = harness.Instance().GetRequiredService<ApprovalService>();
        var id = await harness.CreateAsync(service);
        Assert.Equal([ApprovalAuditActions.Created], await ActionsAsync(id));

        Assert.IsType<TransitionOutcome.Applied>(await service.CommentAsync(id, Operator, "Checked the invoice"));
        Assert.IsType<TransitionOutcome.Applied>(await service.ReassignAsync(id, Operator, "manager@demo.local", "On leave"));
        Assert.IsType<TransitionOutcome.Applied>(await service.EscalateNowAsync(id, ApprovalHarness.User("manager@demo.local", Roles.Manager), "Large"));
        Assert.IsType<TransitionOutcome.Refused>(await service.ApproveAsync(id, Requester));
        Assert.IsType<TransitionOutcome.Applied>(await service.ApproveAsync(id, ApprovalHarness.User("manager@demo.local", Roles.Manager)));

        Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Commented, ApprovalAuditActions.Reassigned, ApprovalAuditActions.Escalated,
            ApprovalAuditActions.Approved], await ActionsAsync(id));

        var rejected = await harness.CreateAsync(service);
        Assert.IsType<TransitionOutcome.Applied>(await service.RejectAsync(rejected, Operator, "No funding"));
        Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Rejected], await ActionsAsync(rejected));

        var cancelled = await harness.CreateAsync(service);
        Assert.IsType<TransitionOutcome.Applied>(await service.CancelAsync(cancelled, Requester, "Sent twice"));
        Assert.IsType<TransitionOutcome.Refused>(await service.CancelAsync(cancelled, Requester, "Again"));
        Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Cancelled], await ActionsAsync(cancelled));
    }

    [Fact]
    public async Task Sla_steps_deferrals_and_a_resubmission_leave_one_event_per_change()
    {
        var app = harness.Instance();
        var service = app.GetRequiredService<ApprovalService>();
        var timers = app.GetRequiredService<SlaTimers>();
        var id = await harness.CreateAsync(service);

        harness.Clock.Advance(TimeSpan.FromHours(5));
        await timers.ApplyDueAsync();
        await timers.SweepAsync();
        Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Reminded], await ActionsAsync(id));

        harness.Clock.Advance(TimeSpan.FromHours(20));
        await timers.SweepAsync();
        await timers.ApplyDueAsync();
        Assert.Equal([ApprovalAuditActions.Created, ApprovalAuditActions.Reminded, ApprovalAuditActions.Escalated, ApprovalAuditActions.Expired],
            await ActionsAsync(id));
        Assert.Equal(0, (await timers.RetryRequestAsync(id, SlaTimers.ApplyDueOperation, default)).Steps);

        await app.GetRequiredService<SlaDeferrals>().DeferAsync(id, SlaTimers.ApplyDueOperation, default);
        Assert.Equal(ApprovalAuditActions.SlaDeferred, (await ActionsAsync(id))[^1]);

        Assert.IsType<TransitionOutcome.Applied>(await service.ResubmitAsync(id, Requester));
        Assert.Equal(ApprovalAuditActions.Resubmitted, (await ActionsAsync(id))[^1]);
        Assert.Equal(6, (await ActionsAsync(id)).Count);
    }

    [Fact]
    public async Task A_policy_edit_and_reset_leave_one_event_each_and_saving_the_same_policy_none()
    {
        var policies = harness.Instance().GetRequiredService<SlaPolicies>();
        var admin = ApprovalHarness.User("admin@demo.local", Roles.Admin, null);
        var edited = SlaPolicy.MintDefault with { RemindAfter = TimeSpan.FromHours(1) };

        Assert.Empty(await policies.SaveAsync(admin, ApprovalKind.Mint, edited, null));
        var version = (await policies.ListAsync()).Single(p => p.Kind == ApprovalKind.Mint).Version;
        Assert.Empty(await policies.SaveAsync(admin, ApprovalKind.Mint, edited, version));
        Assert.Empty(await policies.ResetAsync(admin, ApprovalKind.Mint, version));

        Assert.Equal([ApprovalAuditActions.PolicyChanged, ApprovalAuditActions.PolicyChanged],
            await AuditCounts.ActionsAsync(fixture.ConnectionString, SlaPolicies.SubjectType, nameof(ApprovalKind.Mint)));
    }

    [Fact]
    public async Task Saving_quiet_hours_leaves_one_event_and_saving_them_unchanged_none()
    {
        var preferences = harness.Instance().GetRequiredService<AccountPreferences>();
        await using (var db = fixture.CreateContext())
        {
            db.Users.Add(new OpsUser { Id = "user-owl", UserName = "owl@demo.local", Email = "owl@demo.local", NormalizedEmail = "OWL@DEMO.LOCAL" });
            await db.SaveChangesAsync();
        }
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "user-owl"), new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Email, "owl@demo.local")], "test"));
        var night = new QuietHoursSetting("Europe/Berlin", new TimeOnly(22, 0), new TimeOnly(6, 0), true);

        Assert.Empty(await preferences.SaveAsync(user, night));
        Assert.Empty(await preferences.SaveAsync(user, night));

        Assert.Equal([AccountPreferences.ChangedAction], await AuditCounts.ActionsAsync(fixture.ConnectionString, "user", "owl@demo.local"));
    }
}
