using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Data;

namespace OpsConsole.Tests.Integration.Approvals;

/// <summary>Requests shaped by the Domain's own rules and written straight to the table, for the inbox's reads.</summary>
static class InboxRequests
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public const string Requester = "desk@bridge.local";

    static readonly ApprovalActor Top = ApprovalActor.User("top@demo.local", [ApprovalRoles.TopManagement], []);

    /// <summary>A Pending request at <paramref name="tier"/>, raised <paramref name="minutesAfterStart"/> after <see cref="Start"/>.</summary>
    public static ApprovalRequest Pending(string title, string department = "treasury", int tier = 1, int minutesAfterStart = 0,
        string requester = Requester, string? assignee = null)
    {
        var created = Start.AddMinutes(minutesAfterStart);
        var request = ApprovalRules.Open(new NewApprovalRequest(ApprovalKind.Mint, title, department, requester,
            new MintPayload("EURE", ApprovalHarness.Issuer, ApprovalHarness.Issuer, 10m, null)), Guid.NewGuid(), SlaPolicy.MintDefault, null, created).Request;
        for (var t = 1; t < tier; t++)
            Applied(ApprovalRules.Apply(request, ApprovalCommand.EscalateNow("inbox test"), Top, created));
        if (assignee is not null)
            Applied(ApprovalRules.Apply(request, ApprovalCommand.Reassign(assignee), Top, created));
        return request;
    }

    /// <summary>A request decided by top management: Approved, Rejected or Cancelled (by its requester).</summary>
    public static ApprovalRequest Decided(string title, ApprovalStatus status, string department = "treasury", int minutesAfterStart = 0)
    {
        var request = Pending(title, department, minutesAfterStart: minutesAfterStart);
        var at = request.CreatedAt.AddMinutes(5);
        Applied(status switch
        {
            ApprovalStatus.Approved => ApprovalRules.Apply(request, ApprovalCommand.Approve(), Top, at),
            ApprovalStatus.Rejected => ApprovalRules.Apply(request, ApprovalCommand.Reject("inbox test"), Top, at),
            ApprovalStatus.Cancelled => ApprovalRules.Apply(request, ApprovalCommand.Cancel(),
                ApprovalActor.User(request.RequestedBy, [], []), at),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only a decision ends a request here."),
        });
        return request;
    }

    public static async Task AddAsync(OpsDbContext db, params ApprovalRequest[] requests)
    {
        db.ApprovalRequests.AddRange(requests);
        await db.SaveChangesAsync();
    }

    static void Applied(ApprovalChange change)
    {
        if (!change.IsApplied)
            throw new InvalidOperationException(change.Refusal);
    }
}
