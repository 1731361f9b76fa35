using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;

namespace OpsConsole.Tests.Domain.Approvals;

/// <summary>Requests and people for the approval rule tests.</summary>
static class Requests
{
    public static readonly DateTimeOffset Created = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    public const string Requester = "requester@demo.local";
    public const string Treasury = "treasury";

    public static readonly MintPayload Mint = new("OPS", "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K",
        "GA5URGZFSFZVLKSKK55UK4QW45HWTRAF74C46KV25JYJKXXEQFU56QC4", 125.5m, "mint 42");

    public static ApprovalActor Operator { get; } = ApprovalActor.User("operator@demo.local", [ApprovalRoles.Operator], [Treasury]);
    public static ApprovalActor Manager { get; } = ApprovalActor.User("manager@demo.local", [ApprovalRoles.Manager], [Treasury]);
    public static ApprovalActor Top { get; } = ApprovalActor.User("top@demo.local", [ApprovalRoles.TopManagement], []);
    public static ApprovalActor Admin { get; } = ApprovalActor.User("admin@demo.local", [ApprovalRoles.Admin], []);
    public static ApprovalActor Viewer { get; } = ApprovalActor.User("viewer@demo.local", ["Viewer"], [Treasury]);
    public static ApprovalActor OtherOperator { get; } = ApprovalActor.User("op@ops.local", [ApprovalRoles.Operator], ["operations"]);
    /// <summary>An Operator and Manager of treasury who also raised the request.</summary>
    public static ApprovalActor RequesterWhoApproves { get; } = ApprovalActor.User(Requester, [ApprovalRoles.Operator, ApprovalRoles.Manager], [Treasury]);

    public static ApprovalRequest Pending(SlaPolicy? policy = null, DateTimeOffset? created = null, BusinessCalendar? calendar = null)
    {
        var opened = ApprovalRules.Open(
            new NewApprovalRequest(ApprovalKind.Mint, "Mint 125.5 OPS to partner", Treasury, Requester, Mint),
            Guid.Parse("3f2a0c1e-0000-4000-8000-000000000001"), policy ?? SlaPolicy.MintDefault, calendar, created ?? Created);
        return opened.Request;
    }

    public static ApprovalRequest InStatus(ApprovalStatus status)
    {
        var r = Pending();
        r.Status = status;
        return r;
    }
}
