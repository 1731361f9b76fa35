using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Transitions;
using OpsConsole.Tests.Integration.Jobs;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Tests.Integration.Approvals.InboxRequests;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>The inbox's reads on real PostgreSQL, each test on a database of its own.</summary>
[Trait("Category", "Integration")]
public sealed class ApprovalInboxTests : IAsyncLifetime
{
    static readonly ApprovalActor Operator = ApprovalActor.User("operator@demo.local", [ApprovalRoles.Operator], ["treasury"]);
    static readonly ApprovalActor Manager = ApprovalActor.User("manager@demo.local", [ApprovalRoles.Manager], ["treasury"]);
    static readonly ApprovalActor Top = ApprovalActor.User("top@demo.local", [ApprovalRoles.TopManagement], []);
    static readonly ApprovalActor Viewer = ApprovalActor.User("viewer@demo.local", ["Viewer"], ["treasury"]);
    static readonly ApprovalInboxFilter AwaitingMe = new();
    static readonly ApprovalInboxFilter All = new(ApprovalInboxScope.All);

    readonly DatabaseFixture database = new();
    ApprovalInbox inbox = default!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        inbox = new ApprovalInbox(new FixtureContexts(database));
    }

    public Task DisposeAsync() => database.DisposeAsync();

    async Task SeedAsync(params ApprovalRequest[] requests)
    {
        await using var db = database.CreateContext();
        await AddAsync(db, requests);
    }

    async Task<List<string>> TitlesAsync(ApprovalActor viewer, ApprovalInboxFilter filter, int page = 0, int pageSize = 50) =>
        [.. (await inbox.ListAsync(viewer, filter, page, pageSize)).Items.Select(r => r.Title)];

    async Task SeedLadderAsync() => await SeedAsync(
        Pending("treasury tier 1", tier: 1, minutesAfterStart: 1),
        Pending("treasury tier 2", tier: 2, minutesAfterStart: 2),
        Pending("treasury tier 3", tier: 3, minutesAfterStart: 3),
        Pending("operations tier 1", "operations", tier: 1, minutesAfterStart: 4),
        Pending("operations tier 2", "operations", tier: 2, minutesAfterStart: 5));

    [Fact]
    public async Task Operator_awaits_tier_one_of_their_own_department_only()
    {
        await SeedLadderAsync();

        Assert.Equal(["treasury tier 1"], await TitlesAsync(Operator, AwaitingMe with { Sort = ApprovalInboxSort.Title }));
    }

    [Fact]
    public async Task Manager_awaits_tiers_one_and_two_of_their_own_department()
    {
        await SeedLadderAsync();

        Assert.Equal(["treasury tier 1", "treasury tier 2"], await TitlesAsync(Manager, AwaitingMe with { Sort = ApprovalInboxSort.Title }));
    }

    [Fact]
    public async Task Top_management_awaits_every_tier_of_every_department()
    {
        await SeedLadderAsync();

        var rows = await inbox.ListAsync(Top, AwaitingMe with { Sort = ApprovalInboxSort.Title }, 0, 50);

        Assert.Equal(5, rows.Total);
        Assert.Equal(["operations tier 1", "operations tier 2", "treasury tier 1", "treasury tier 2", "treasury tier 3"], rows.Items.Select(r => r.Title));
    }

    [Fact]
    public async Task A_request_assigned_to_someone_awaits_them_even_outside_their_scope()
    {
        await SeedAsync(
            Pending("assigned to the operator", "operations", tier: 2, assignee: "Operator@Demo.Local"),
            Pending("assigned to someone else", "operations", tier: 1, assignee: "other@demo.local"));

        Assert.Equal(["assigned to the operator"], await TitlesAsync(Operator, AwaitingMe));
        Assert.Empty(await TitlesAsync(Viewer with { Id = "operator@demo.local" }, AwaitingMe));   // assigned, but holds no approving role
    }

    [Fact]
    public async Task Nobody_awaits_their_own_request()
    {
        await SeedAsync(Pending("raised by the operator", requester: "OPERATOR@demo.local"), Pending("raised by the desk"));

        Assert.Equal(["raised by the desk"], await TitlesAsync(Operator, AwaitingMe));
    }

    [Fact]
    public async Task A_viewer_awaits_nothing_but_reads_every_request()
    {
        await SeedLadderAsync();
        await SeedAsync(Decided("approved yesterday", ApprovalStatus.Approved));

        Assert.Equal(ApprovalInboxRows.Empty, await inbox.ListAsync(Viewer, AwaitingMe, 0, 50));
        Assert.Equal(6, (await inbox.ListAsync(Viewer, All, 0, 50)).Total);
    }

    [Fact]
    public async Task Decided_requests_leave_awaiting_me_and_stay_in_all()
    {
        var harness = new ApprovalHarness(database);
        await harness.InitializeAsync();
        try
        {
            await DecideThroughTheServiceAsync(harness);
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }

    async Task DecideThroughTheServiceAsync(ApprovalHarness harness)
    {
        var service = harness.Instance().GetRequiredService<ApprovalService>();
        var approved = await harness.CreateAsync(service);
        var rejected = await harness.CreateAsync(service);
        var open = await harness.CreateAsync(service);
        var manager = ApprovalHarness.User("manager@demo.local", Roles.Manager);
        Assert.IsType<TransitionOutcome.Applied>(await service.ApproveAsync(approved, manager));
        Assert.IsType<TransitionOutcome.Applied>(await service.RejectAsync(rejected, manager, "duplicate"));

        var awaiting = await inbox.ListAsync(Operator, AwaitingMe, 0, 50);
        var all = await inbox.ListAsync(Operator, All, 0, 50);

        Assert.Equal([open], awaiting.Items.Select(r => r.Id));
        Assert.Equal(1, awaiting.Total);
        Assert.Equal(3, all.Total);
        Assert.Equal(open, all.Items[0].Id);   // the pending one has a next step; decided ones come after it
    }

    [Fact]
    public async Task Awaiting_me_is_exactly_what_the_domain_lets_each_person_approve()
    {
        var requests = new[]
        {
            Pending("t1", tier: 1), Pending("t2", tier: 2), Pending("t3", tier: 3),
            Pending("ops t1", "operations"), Pending("ops t2", "operations", tier: 2),
            Pending("own", requester: "manager@demo.local"), Pending("assigned", "operations", assignee: "operator@demo.local"),
            Decided("approved", ApprovalStatus.Approved), Decided("cancelled", ApprovalStatus.Cancelled, "operations"),
        };
        await SeedAsync(requests);
        var people = new[]
        {
            Operator, Manager, Top, Viewer,
            ApprovalActor.User("both@demo.local", [ApprovalRoles.Operator, ApprovalRoles.Manager], ["operations", "treasury"]),
            ApprovalActor.User("ops-op@demo.local", [ApprovalRoles.Operator], ["operations"]),
            ApprovalActor.User("admin@demo.local", [ApprovalRoles.Admin], []),
        };

        foreach (var person in people)
        {
            var expected = requests.Where(r => ApprovalPermissions.Awaits(person, r))
                .Select(r => r.Title).Order(StringComparer.Ordinal);
            var listed = (await TitlesAsync(person, AwaitingMe)).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(listed), $"{person.Id}: expected [{string.Join(", ", expected)}], listed [{string.Join(", ", listed)}]");
        }
    }

    [Fact]
    public async Task Awaiting_me_agrees_with_the_domain_rule_on_generated_requests_and_people()
    {
        // Every department, tier, requester and assignee, in differing letter case, pending and decided.
        string[] departments = ["treasury", "operations"];
        string[] requesters = [Requester, "ALICE@demo.local"];
        string?[] assignees = [null, "Alice@Demo.Local", "bob@demo.local"];
        var requests = new List<ApprovalRequest>();
        foreach (var department in departments)
            foreach (var tier in new[] { 1, 2, 3 })
                foreach (var requester in requesters)
                    foreach (var assignee in assignees.Where(a => !string.Equals(a, requester, StringComparison.OrdinalIgnoreCase)))
                        foreach (var decided in new[] { false, true })
                        {
                            var r = Pending($"{department} t{tier} by {requester} to {assignee ?? "none"}{(decided ? " decided" : "")}",
                                department, tier, requester: requester, assignee: assignee);
                            if (decided)
                                Assert.True(ApprovalRules.Apply(r, ApprovalCommand.Approve(), Top, r.CreatedAt.AddMinutes(1)).IsApplied);
                            requests.Add(r);
                        }
        await SeedAsync([.. requests]);
        string[][] roleSets = [[], ["Viewer"], [ApprovalRoles.Admin], [ApprovalRoles.Operator], [ApprovalRoles.Manager], [ApprovalRoles.TopManagement],
            [ApprovalRoles.Operator, ApprovalRoles.Manager], [ApprovalRoles.Manager, ApprovalRoles.TopManagement]];
        string[][] departmentSets = [[], ["treasury"], ["operations", "treasury"]];
        var people = from id in new[] { "alice@demo.local", "bob@demo.local" }
                     from roles in roleSets
                     from inDepartments in departmentSets
                     select ApprovalActor.User(id, roles, inDepartments);

        foreach (var person in people)
        {
            var expected = requests.Where(r => ApprovalPermissions.Awaits(person, r)).Select(r => r.Title).Order(StringComparer.Ordinal).ToList();
            var rows = await inbox.ListAsync(person, AwaitingMe, 0, ApprovalInbox.MaxPageSize);
            var listed = rows.Items.Select(r => r.Title).Order(StringComparer.Ordinal).ToList();
            var who = $"{person.Id} [{string.Join(", ", person.Roles)}] in [{string.Join(", ", person.Departments)}]";
            Assert.True(expected.SequenceEqual(listed), $"{who}: expected [{string.Join(", ", expected)}], listed [{string.Join(", ", listed)}]");
            Assert.Equal(expected.Count, rows.Total);
        }
    }

    [Fact]
    public async Task Pages_follow_each_other_without_overlap_and_each_carries_the_total()
    {
        // Seven requests raised a minute apart: their reminders fall due in the same order.
        await SeedAsync([.. Enumerable.Range(0, 7).Select(i => Pending($"request {i}", minutesAfterStart: i))]);

        var pages = new List<ApprovalInboxRows>();
        for (var page = 0; page < 4; page++)
            pages.Add(await inbox.ListAsync(Top, AwaitingMe, page, 3));

        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.Equal([3, 3, 1, 0], pages.Select(p => p.Items.Count));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"request {i}"), pages.SelectMany(p => p.Items).Select(r => r.Title));
    }

    [Fact]
    public async Task Each_sort_orders_the_whole_view_and_can_be_reversed()
    {
        await SeedAsync(
            Pending("bravo", tier: 2, minutesAfterStart: 30),
            Pending("alpha", tier: 1, minutesAfterStart: 10),
            Pending("charlie", tier: 3, minutesAfterStart: 20),
            Decided("delta", ApprovalStatus.Approved, minutesAfterStart: 40),
            Decided("echo", ApprovalStatus.Rejected, minutesAfterStart: 0));

        Assert.Equal(["alpha", "charlie", "bravo", "delta", "echo"], await TitlesAsync(Top, All));   // next step: remind 4 h after each
        Assert.Equal(["delta", "bravo", "charlie", "alpha", "echo"], await TitlesAsync(Top, All with { Sort = ApprovalInboxSort.Created }));
        Assert.Equal(["echo", "alpha", "charlie", "bravo", "delta"], await TitlesAsync(Top, All with { Sort = ApprovalInboxSort.Created, Descending = false }));
        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo"], await TitlesAsync(Top, All with { Sort = ApprovalInboxSort.Title }));
        Assert.Equal(["echo", "delta", "charlie", "bravo", "alpha"], await TitlesAsync(Top, All with { Sort = ApprovalInboxSort.Title, Descending = true }));
        Assert.Equal(["charlie", "bravo", "alpha", "delta", "echo"], await TitlesAsync(Top, All with { Sort = ApprovalInboxSort.Tier }));
        Assert.Equal(["delta", "bravo", "charlie", "alpha", "echo"], await TitlesAsync(Top, All with { Sort = ApprovalInboxSort.Status }));
        Assert.Equal(["bravo", "charlie", "alpha", "delta", "echo"], await TitlesAsync(Top, All with { Descending = true }));
    }

    [Fact]
    public async Task Filters_narrow_by_status_department_tier_and_text()
    {
        await SeedAsync(
            Pending("Mint 500 EURE for Acme", tier: 2),
            Pending("Mint 20 EURE for Globex", "operations", requester: "erp@globex.example"),
            Pending("Mint 7 EURE for Initech"),
            Decided("Mint 1 EURE for Acme", ApprovalStatus.Rejected),
            Decided("Mint 9 EURE for Hooli", ApprovalStatus.Approved, "operations"));

        async Task<string[]> Titles(ApprovalInboxFilter f) => [.. (await TitlesAsync(Top, f with { Sort = ApprovalInboxSort.Title }))];

        Assert.Equal(["Mint 1 EURE for Acme"], await Titles(All with { Status = ApprovalStatus.Rejected }));
        Assert.Equal(["Mint 20 EURE for Globex", "Mint 9 EURE for Hooli"], await Titles(All with { Department = "operations" }));
        Assert.Equal(["Mint 500 EURE for Acme"], await Titles(All with { Tier = 2 }));
        Assert.Equal(["Mint 1 EURE for Acme", "Mint 500 EURE for Acme"], await Titles(All with { Search = "acme" }));
        Assert.Equal(["Mint 20 EURE for Globex"], await Titles(All with { Search = "ERP@GLOBEX" }));
        Assert.Equal(["Mint 500 EURE for Acme"], await Titles(AwaitingMe with { Search = "acme" }));
        Assert.Empty(await Titles(AwaitingMe with { Status = ApprovalStatus.Approved }));
        Assert.Equal(2, (await inbox.ListAsync(Top, All with { Department = "operations", Search = "mint" }, 0, 1)).Total);
    }

    [Fact]
    public async Task Search_takes_wildcard_characters_literally()
    {
        await SeedAsync(Pending("Fee 50% rebate"), Pending("Fee 500 rebate"), Pending("desk_a transfer"), Pending("deskXa transfer"));

        Assert.Equal(["Fee 50% rebate"], await TitlesAsync(Top, All with { Search = "50%" }));
        Assert.Equal(["desk_a transfer"], await TitlesAsync(Top, All with { Search = "desk_a" }));
    }
}
