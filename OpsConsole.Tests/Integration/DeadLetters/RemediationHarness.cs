using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Audit;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Audit;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.DeadLetters;

/// <summary>The dead-letter services as the app registers them, on a test database, a fake clock and a scripted handler.</summary>
public sealed class RemediationHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly ServiceProvider services;

    public RemediationHarness(DatabaseFixture fixture, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ConnectionString = fixture.ConnectionString;
        var (collection, config) = TestHost.Core(fixture.ConnectionString, Clock, settings);
        collection.AddSingleton(Script).AddDeadLetterHandler<ScriptedHandler>();
        collection.AddDeadLetters(config);
        services = TestHost.Build(collection);
    }

    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public HandlerScript Script { get; } = new();
    public IServiceProvider Services => services;
    public DeadLetterRemediation Remediation => services.GetRequiredService<DeadLetterRemediation>();
    public DeadLetterQuery Query => services.GetRequiredService<DeadLetterQuery>();
    public DeadLetterPurge Purge => services.GetRequiredService<DeadLetterPurge>();
    public DeadLetterRetryRecovery Recovery => services.GetRequiredService<DeadLetterRetryRecovery>();
    public DeadLetterWriter Writer => services.GetRequiredService<DeadLetterWriter>();

    public static ClaimsPrincipal Person(string email, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, role)], "test"));

    public static ClaimsPrincipal Remediator(string email = "remediator@demo.local") => Person(email, Roles.Remediator);

    public Task<List<Guid>> SeedAsync(int count = 1, DeadLetterStatus status = DeadLetterStatus.Unresolved,
        string fingerprint = "group-a", string prefix = "agg", DateTimeOffset? closedAt = null) =>
        DeadLetterSeed.InsertAsync(ConnectionString, count, Clock.GetUtcNow(), status, fingerprint, prefix, closedAt);

    public async Task<DeadLetter> ReadAsync(Guid id) => await Query.GetAsync(id) ?? throw new InvalidOperationException($"{id} is gone");

    public async Task<List<AuditEvent>> AuditAsync(Guid id)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == DeadLetterRemediation.SubjectType && e.SubjectId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
