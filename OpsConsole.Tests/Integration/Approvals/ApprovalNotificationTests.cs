using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Notifications;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Approvals;

[Trait("Category", "Integration")]
public sealed class ApprovalNotificationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string OwnerEmail = "owner@example.com";
    readonly ApprovalHarness harness = new(fixture);

    static readonly Dictionary<string, string?> Settings = new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = "2525",
        ["Notifications:Smtp:From"] = "ops@example.com",
        ["Notifications:Webhook:Url"] = "http://127.0.0.1:9/hook",
        ["Sla:Policies:Mint:EscalateFinalAfter"] = "16:00:00",
        ["Approvals:OwnerEmail"] = OwnerEmail,
        ["Approvals:BaseUrl"] = "https://ops.example.com",
    };

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        await using var db = fixture.CreateContext();
        if (await db.Roles.AnyAsync())
            return;
        foreach (var role in Roles.All)
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        await db.SaveChangesAsync();
        await AddUserAsync(db, "manager@demo.local", Roles.Manager, ApprovalHarness.Department);
        await AddUserAsync(db, "ops-manager@demo.local", Roles.Manager, "operations");
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    static async Task AddUserAsync(OpsDbContext db, string email, string role, string department)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == department))
            db.Departments.Add(new Department { Id = department, Name = department });
        var user = new OpsUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = (await db.Roles.SingleAsync(r => r.Name == role)).Id });
        db.UserDepartments.Add(new UserDepartment { UserId = user.Id, DepartmentId = department });
        await db.SaveChangesAsync();
    }

    async Task<List<OutboxEntry>> OutboxAsync(Guid id, string eventKey)
    {
        await using var db = fixture.CreateContext();
        return await db.NotificationOutbox.AsNoTracking().Where(e => e.SubjectId == id.ToString() && e.EventKey == eventKey).ToListAsync();
    }

    [Fact]
    public async Task Escalation_notifies_only_the_department_managers_with_a_link_to_the_request()
    {
        var app = harness.Instance(Settings);
        var id = await harness.CreateAsync(app.GetRequiredService<ApprovalService>());

        harness.Clock.Advance(TimeSpan.FromHours(12));
        await app.GetRequiredService<SlaTimers>().ApplyDueAsync();

        var rows = await OutboxAsync(id, NotificationEvents.ApprovalEscalated);
        Assert.Equal(["manager@demo.local"], rows.Where(r => r.Channel == OutboxChannel.Email).Select(r => r.Recipient));
        Assert.Single(rows, r => r.Channel == OutboxChannel.InApp);
        Assert.Single(rows, r => r.Channel == OutboxChannel.Webhook);
        Assert.DoesNotContain(rows, r => r.Channel == OutboxChannel.Slack);
        Assert.All(rows, r => Assert.Equal($"https://ops.example.com/approvals/{id}", r.Link));
        Assert.All(rows, r => Assert.Equal(nameof(NotificationClass.Action), r.Class));
    }

    [Fact]
    public async Task Final_escalation_with_no_active_top_manager_reaches_the_owner_once()
    {
        var first = harness.Instance(Settings);
        var second = harness.Instance(Settings);
        var id = await harness.CreateAsync(first.GetRequiredService<ApprovalService>());

        harness.Clock.Advance(TimeSpan.FromHours(16));
        await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<SlaTimers>().ApplyDueAsync()),
            Task.Run(() => second.GetRequiredService<SlaTimers>().SweepAsync()));

        var rows = await OutboxAsync(id, NotificationEvents.ApprovalEscalatedFinal);
        var email = Assert.Single(rows, r => r.Channel == OutboxChannel.Email);
        Assert.Equal(OwnerEmail, email.Recipient);
        Assert.Equal(nameof(NotificationClass.Critical), email.Class);
        Assert.Equal(3, (await harness.ReadAsync(id)).Tier);
    }
}
