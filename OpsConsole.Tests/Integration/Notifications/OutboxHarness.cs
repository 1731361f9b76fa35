using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Notifications;

/// <summary>
/// The outbox, dispatcher and channels registered as the app registers them, on one test database, with a fake clock
/// and the channel settings a test gives.
/// </summary>
public sealed class OutboxHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly DatabaseFixture fixture;
    readonly ServiceProvider provider;

    public OutboxHarness(DatabaseFixture fixture, IReadOnlyDictionary<string, string?> settings, FakeTimeProvider? clock = null)
    {
        this.fixture = fixture;
        Clock = clock ?? new FakeTimeProvider(Start);
        var (services, config) = TestHost.Core(fixture.ConnectionString, Clock, settings);
        services.AddLive(config).AddNotifications(config);
        provider = TestHost.Build(services);
    }

    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => provider;
    public Outbox Outbox => provider.GetRequiredService<Outbox>();
    public NotificationDispatcher Dispatcher => provider.GetRequiredService<NotificationDispatcher>();

    /// <summary>Starts the options validation the host runs at start, so a bad setting fails the same way.</summary>
    public void ValidateSettings()
    {
        foreach (var validate in new Action[]
        {
            () => _ = provider.GetRequiredService<IOptions<OutboxOptions>>().Value,
            () => _ = provider.GetRequiredService<IOptions<SmtpOptions>>().Value,
            () => _ = provider.GetRequiredService<IOptions<HookOptions>>().Value,
        })
            validate();
    }

    public static OutboxMessage Message(OutboxChannel channel, string recipient, string subjectId, string eventKey = "approval.requested") =>
        new(channel, recipient, "approval_request", subjectId, eventKey, "Action",
            $"Mint request {subjectId} awaits your approval",
            $"Treasury asks to mint 250.0000000 EURS (request {subjectId}).",
            Start.AddMinutes(-1),
            Html: $"<p>Treasury asks to mint <b>250.0000000 EURS</b>.</p><p><a href=\"https://ops.example/approvals/{subjectId}\">Open</a></p>",
            SlackText: $"*Mint request {subjectId}* awaits approval: <https://ops.example/approvals/{subjectId}|open>",
            Link: $"https://ops.example/approvals/{subjectId}");

    /// <summary>Enqueues in a transaction of its own and commits, as the change that causes a notification would.</summary>
    public async Task<bool> EnqueueCommittedAsync(OutboxMessage message)
    {
        await using var db = fixture.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var added = await Outbox.EnqueueAsync(db, message);
        await tx.CommitAsync();
        return added;
    }

    public async Task<OutboxEntry?> RowAsync(Guid id)
    {
        await using var db = fixture.CreateContext();
        return await db.NotificationOutbox.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }

    public async Task<List<DeadLetter>> DeadLettersAsync(Guid id)
    {
        await using var db = fixture.CreateContext();
        return await db.DeadLetters.AsNoTracking().Where(d => d.AggregateId == id.ToString()).ToListAsync();
    }

    public async Task<RetryResult> RetryDeadLetterAsync(DeadLetter letter)
    {
        await using var scope = provider.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<DeadLetterHandlers>().Find(letter)
            ?? throw new InvalidOperationException($"No handler for {letter.Operation}");
        return await handler.RetryAsync(letter, CancellationToken.None);
    }

    public LiveFeed Feed => provider.GetRequiredService<LiveFeed>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
