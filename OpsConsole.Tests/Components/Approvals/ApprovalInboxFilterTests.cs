using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;

namespace OpsConsole.Tests.Components.Approvals;

/// <summary>The inbox view in the page's query string: what a link carries and how a link is read.</summary>
[Trait("Category", "Component")]
public class ApprovalInboxFilterTests
{
    [Fact]
    public void A_view_survives_the_trip_through_its_link()
    {
        var view = new ApprovalInboxFilter(ApprovalInboxScope.All, ApprovalStatus.Expired, "treasury", 2, "acme", ApprovalInboxSort.Title, true);

        var q = view.ToQuery(ApprovalInboxScope.AwaitingMe);

        Assert.Equal(view, ApprovalInboxFilter.FromQuery(ApprovalInboxScope.AwaitingMe, (string?)q["scope"], (string?)q["status"],
            (string?)q["department"], (string?)q["tier"], (string?)q["q"], (string?)q["sort"], (string?)q["dir"]));
    }

    [Fact]
    public void Defaults_drop_out_of_the_link()
    {
        var q = new ApprovalInboxFilter(ApprovalInboxScope.All, Sort: ApprovalInboxSort.Created, Descending: true).ToQuery(ApprovalInboxScope.All);

        Assert.All(q.Where(p => p.Key != ApprovalInboxFilter.SortKey), p => Assert.Null(p.Value));
        Assert.Equal("Created", q[ApprovalInboxFilter.SortKey]);
    }

    [Fact]
    public void Values_a_link_cannot_mean_are_ignored_rather_than_refused()
    {
        var view = ApprovalInboxFilter.FromQuery(ApprovalInboxScope.AwaitingMe, "everything", "Lost", "  ", "7", " ", "Colour", "sideways");

        Assert.Equal(new ApprovalInboxFilter(), view);
        Assert.Equal(ApprovalInboxScope.All, ApprovalInboxFilter.FromQuery(ApprovalInboxScope.AwaitingMe, "all", null, null, null, null, null, null).Scope);
    }

    [Fact]
    public void Each_column_has_a_natural_direction()
    {
        Assert.True(new ApprovalInboxFilter(Sort: ApprovalInboxSort.Created).SortsDescending);
        Assert.True(new ApprovalInboxFilter(Sort: ApprovalInboxSort.Tier).SortsDescending);
        Assert.False(new ApprovalInboxFilter(Sort: ApprovalInboxSort.NextDue).SortsDescending);
        Assert.False(new ApprovalInboxFilter(Sort: ApprovalInboxSort.Title, Descending: false).SortsDescending);
    }
}
