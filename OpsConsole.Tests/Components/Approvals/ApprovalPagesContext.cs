using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Approvals;

namespace OpsConsole.Tests.Components.Approvals;

/// <summary>The shell plus the real inbox on this context's database, a fake clock at <see cref="InboxRequests.Start"/>,
/// and the live feed the relay would publish into.</summary>
public abstract class ApprovalPagesContext : ShellContext
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected FakeTimeProvider Clock { get; } = new(InboxRequests.Start);

    protected ApprovalPagesContext()
    {
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddOptions<SlaOptions>();
        Services.AddSingleton<ApprovalInbox>();
    }

    protected void SignInAs(string email, string role, string? department = "treasury") =>
        SignIn(email, email, [role], department is null ? [] : [new Claim(OpsClaims.Department, department)]);

    /// <summary>A context on this test's database that leaves the services untouched, so it may come before sign-in.</summary>
    protected OpsDbContext Database()
    {
        var options = new DbContextOptionsBuilder<OpsDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return new OpsDbContext(options.Options);
    }

    protected async Task SeedAsync(params ApprovalRequest[] requests)
    {
        await using var db = Database();
        await InboxRequests.AddAsync(db, requests);
    }

    /// <summary>What the relay does when a change is committed: hand it to the page's subscription.</summary>
    protected Task AnnounceAsync(Guid id) =>
        ((LiveFeed)Services.GetRequiredService<ILiveFeed>()).PublishAsync(new LiveChange(LiveTopics.Approvals, LiveChange.Changed, id.ToString()));
}
