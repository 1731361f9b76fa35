using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.Stellar;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Approvals;

namespace OpsConsole.Tests.Components.Approvals;

/// <summary>The shell plus the real approval services on this context's database, with a fake clock at
/// <see cref="ApprovalHarness.Start"/>, and the live feed the relay would publish into.</summary>
public abstract class ApprovalPagesContext : DatabaseShellContext
{
    protected const string Treasury = ApprovalHarness.Department;
    protected const string OperatorEmail = "operator@demo.local";
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected FakeTimeProvider Clock { get; } = new(ApprovalHarness.Start);

    protected ApprovalPagesContext()
    {
        var config = new ConfigurationBuilder().Build();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddNotifications(config);
        Services.AddApprovals(config);
        // The request page shows a mint's Stellar transactions; the simulated network runs on this context's clock.
        Services.AddStellar(config);
        Services.AddPeopleDirectory();
    }

    protected OpsDbContext Db()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return new OpsDbContext(options.Options);
    }

    /// <summary>Signs in with roles and departments as the sign-in cookie carries them.</summary>
    protected void SignInAs(string email, string role, params string[] departments) =>
        SignIn(email, email.Split('@')[0], [role], [.. departments.Select(d => new Claim(OpsClaims.Department, d))]);

    /// <summary>A Pending mint in treasury raised by <paramref name="requestedBy"/>; call after signing in.</summary>
    protected async Task<Guid> CreateRequestAsync(string requestedBy = ApprovalHarness.Requester)
    {
        await using (var db = Db())
            await ApprovalUsers.EnsureDepartmentAsync(db, Treasury);
        var result = await Services.GetRequiredService<ApprovalService>().CreateAsync(ApprovalHarness.Mint() with { RequestedBy = requestedBy });
        Assert.Empty(result.Errors);
        return result.Created!.Id;
    }

    protected async Task<ApprovalRequest> ReadAsync(Guid id)
    {
        await using var db = Db();
        return await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>Stores requests as they are, whatever their stage, without going through the service.</summary>
    protected async Task SeedAsync(params ApprovalRequest[] requests)
    {
        await using var db = Db();
        await InboxRequests.AddAsync(db, requests);
    }

    /// <summary>What the relay does when a change is committed: hand it to the page's subscription.</summary>
    protected Task AnnounceAsync(Guid id) =>
        ((LiveFeed)Services.GetRequiredService<ILiveFeed>()).PublishAsync(new LiveChange(LiveTopics.Approvals, LiveChange.Changed, id.ToString()));
}
