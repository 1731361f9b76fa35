using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Audit;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Audit;

[Trait("Category", "Integration")]
public class AuditQueryTests : IClassFixture<DatabaseFixture>, IDisposable
{
    static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    readonly DatabaseFixture fixture;
    readonly FakeTimeProvider clock = new(Start);
    readonly ServiceProvider services;
    // Tests share the class's database, so each one files its events under a subject type of its own.
    readonly string kind = "k" + Guid.NewGuid().ToString("N")[..8];

    public AuditQueryTests(DatabaseFixture fixture)
    {
        this.fixture = fixture;
        services = AuditServices.Build(fixture, clock);
    }

    public void Dispose() => services.Dispose();

    AuditQuery Query => services.GetRequiredService<AuditQuery>();

    async Task<List<long>> AppendAsync(int count, Func<int, AuditEntry> entry)
    {
        var trail = services.GetRequiredService<AuditTrail>();
        var ids = new List<long>();
        await using var db = fixture.CreateContext();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await trail.AppendAloneAsync(db, entry(i))).Id);
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        return ids;
    }

    async Task<List<long>> IdsAsync(AuditFilter filter) =>
        (await new AuditListing(Query, filter).PageAsync(0, 100)).Items.Select(e => e.Id).ToList();

    [Fact]
    public async Task Subject_actor_and_action_filters_match_exactly_and_combine()
    {
        (string Subject, string Actor, string Action)[] rows =
            [("a", "alice@x", "thing.created"), ("a", "bob@x", "thing.updated"), ("b", "alice@x", "thing.created"), ("b", "bob@x", "thing.deleted")];
        var ids = await AppendAsync(rows.Length, i => new AuditEntry(rows[i].Actor, rows[i].Action, kind, rows[i].Subject));

        Assert.Equal([ids[1], ids[0]], await IdsAsync(new(SubjectType: kind, SubjectId: "a")));
        Assert.Equal([ids[2], ids[0]], await IdsAsync(new(SubjectType: kind, Actor: "alice@x")));
        Assert.Equal([ids[3]], await IdsAsync(new(SubjectType: kind, Action: "thing.deleted")));
        Assert.Equal([ids[2]], await IdsAsync(new(kind, "b", "alice@x", "thing.created")));
        Assert.Empty(await IdsAsync(new(SubjectType: kind, Actor: "alice")));
        // Blank fields mean "any", so a form left empty filters nothing.
        Assert.Equal([ids[3], ids[2], ids[1], ids[0]], await IdsAsync(new(kind, " ", "", null)));
    }

    [Fact]
    public async Task Time_range_includes_from_and_excludes_to_in_any_offset()
    {
        clock.SetUtcNow(Start);
        var ids = await AppendAsync(6, i => new AuditEntry("clock@x", "tick", kind, $"{i}"));
        var from = Start.AddMinutes(1).ToOffset(TimeSpan.FromHours(2));

        var found = await IdsAsync(new(SubjectType: kind, From: from, To: Start.AddMinutes(4)));

        Assert.Equal([ids[3], ids[2], ids[1]], found);
    }

    [Fact]
    public async Task Pages_come_newest_first_and_agree_however_they_are_reached()
    {
        var ids = await AppendAsync(10, i => new AuditEntry("pager@x", "page.test", kind, $"{i}"));
        var filter = new AuditFilter(SubjectType: kind);
        var newestFirst = Enumerable.Reverse(ids).ToList();

        var walking = new AuditListing(Query, filter);
        var walked = new List<long>();
        for (var page = 0; page < 4; page++)
        {
            var rows = await walking.PageAsync(page, 3);
            Assert.Equal(10, rows.Total);
            walked.AddRange(rows.Items.Select(e => e.Id));
        }
        Assert.Equal(newestFirst, walked);
        Assert.Empty((await walking.PageAsync(4, 3)).Items);

        // Jumping straight to a page (from the oldest end, or by offset from the top) finds the same rows.
        Assert.Equal(newestFirst[9..], (await new AuditListing(Query, filter).PageAsync(3, 3)).Items.Select(e => e.Id));
        Assert.Equal(newestFirst[6..9], (await new AuditListing(Query, filter).PageAsync(2, 3)).Items.Select(e => e.Id));
        Assert.Equal(newestFirst[3..6], (await new AuditListing(Query, filter).PageAsync(1, 3)).Items.Select(e => e.Id));
    }

    [Fact]
    public async Task An_open_listing_does_not_shift_when_events_arrive()
    {
        var ids = await AppendAsync(5, i => new AuditEntry("snap@x", "snap.test", kind, $"{i}"));
        var filter = new AuditFilter(SubjectType: kind);
        var listing = new AuditListing(Query, filter);
        var first = await listing.PageAsync(0, 2);

        var later = await AppendAsync(2, i => new AuditEntry("snap@x", "snap.test", kind, $"late{i}"));

        Assert.Equal(first.Items.Select(e => e.Id), (await listing.PageAsync(0, 2)).Items.Select(e => e.Id));
        var second = await listing.PageAsync(1, 2);
        Assert.Equal(5, second.Total);
        Assert.Equal([ids[2], ids[1]], second.Items.Select(e => e.Id));
        Assert.Equal([later[1], later[0]], (await new AuditListing(Query, filter).PageAsync(0, 2)).Items.Select(e => e.Id));
    }
}
