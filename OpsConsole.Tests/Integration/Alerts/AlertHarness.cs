using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Alerts.Ingest;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Outbox;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>
/// The alerts feature wired as the app wires it (with notifications, approvals and the people directory it reads), on a
/// test database with a fake clock, Slack and the webhook turned on so notices are queued, and no scheduler: a test runs
/// an evaluation itself. Facts go in through the real ingest store. A feature that adds rules of its own (funding) is
/// wired beside it by <c>more</c>, as Program.cs adds it.
/// </summary>
public sealed class AlertHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    readonly DatabaseFixture fixture;
    readonly ServiceProvider provider;

    public AlertHarness(DatabaseFixture fixture, IReadOnlyDictionary<string, string?>? settings = null,
        Func<IServiceCollection, IConfiguration, IServiceCollection>? more = null)
    {
        this.fixture = fixture;
        var (services, config) = TestHost.Core(fixture.ConnectionString, Clock, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Notifications:Slack:WebhookUrl"] = "https://hooks.slack.test/services/T/B/alerts",
            ["Notifications:Webhook:Url"] = "https://hooks.ops.test/alerts",
        });
        services.AddLogging().AddNotifications(config).AddApprovals(config).AddPeopleDirectory().AddAlerts(config);
        more?.Invoke(services, config);
        provider = TestHost.Build(services);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public IServiceProvider Services => provider;
    public AlertEvaluator Evaluator => provider.GetRequiredService<AlertEvaluator>();
    public IngestStore Store => provider.GetRequiredService<IngestStore>();
    public AlertResponses Responses => provider.GetRequiredService<AlertResponses>();
    public AlertEvaluatorControl Control => provider.GetRequiredService<AlertEvaluatorControl>();

    public static ClaimsPrincipal User(string email, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, role)], "test"));

    public static readonly ClaimsPrincipal Operator = User("operator@ops.test", Roles.Operator);
    public static readonly ClaimsPrincipal Admin = User("admin@ops.test", Roles.Admin);
    public static readonly ClaimsPrincipal Viewer = User("viewer@ops.test", Roles.Viewer);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Task PriceAsync(string pair, DateTimeOffset observedAt) =>
        Store.StoreAsync([new MarketPrice(pair, 61000m, "kraken", observedAt)], "feed", CancellationToken.None);

    public Task TradeAsync(string tradeId, string pair, TradeStatus status, DateTimeOffset at, string? reason = null) =>
        Store.StoreAsync([new TradeResult(tradeId, pair, status, reason, at)], "executor", CancellationToken.None);

    /// <summary>Moves the clock on and evaluates.</summary>
    public async Task<AlertEvaluationResult> EvaluateAfterAsync(TimeSpan wait)
    {
        Clock.Advance(wait);
        return await Evaluator.EvaluateAsync();
    }

    public async Task<List<AlertEvent>> EventsAsync(string code, string? scopeKey = null)
    {
        await using var db = fixture.CreateContext();
        return await db.AlertEvents.AsNoTracking().Where(e => e.Code == code && (scopeKey == null || e.ScopeKey == scopeKey))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Status).ToListAsync();
    }

    public async Task<ActiveAlert?> ActiveAsync(string code, string scopeKey)
    {
        await using var db = fixture.CreateContext();
        return await db.ActiveAlerts.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code && a.ScopeKey == scopeKey);
    }

    /// <summary>The notices queued for an alert (by its raised event), as "channel:event key".</summary>
    public async Task<List<string>> NoticesAsync(Guid raisedEventId)
    {
        await using var db = fixture.CreateContext();
        var subject = raisedEventId.ToString();
        return await db.NotificationOutbox.AsNoTracking()
            .Where(n => n.SubjectType == AlertAuditActions.SubjectType && n.SubjectId == subject)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Channel).Select(n => n.Channel + ":" + n.EventKey).ToListAsync();
    }

    public static IReadOnlyList<string> Sent(string eventKey) => [$"{OutboxChannel.Slack}:{eventKey}", $"{OutboxChannel.Webhook}:{eventKey}"];

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
