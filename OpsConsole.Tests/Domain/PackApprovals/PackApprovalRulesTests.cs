using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.PackApprovals;

namespace OpsConsole.Tests.Domain.PackApprovals;

[Trait("Category", "Domain")]
public class PackApprovalRulesTests
{
    const string Plan = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static readonly PackMessage Message = new() { Template = "pack.approval.requested", Values = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } };

    static string Print(int revision = 1, string token = "tok", PackMessage? message = null) =>
        PackApprovalRules.Fingerprint(revision, Plan, ["deploy:production"], ["s1"], message ?? Message, "https://runner.example/resume", token);

    static PackApproval Stored(int revision = 1) => new()
    {
        Tenant = "demo",
        RunId = "run-42",
        ApprovalId = "deploy-prod",
        KeyId = "demo",
        Revision = revision,
        PlanHash = Plan,
        MessageTemplate = "pack.approval.requested",
        ResumeCallbackUrl = "https://runner.example/resume",
        ProtectedResumeToken = "…",
        Fingerprint = Print(revision),
        CorrelationId = "c",
        LastEventId = "e",
    };

    [Fact]
    public void The_fingerprint_ignores_the_order_of_message_values_and_sees_the_token_change()
    {
        var reordered = Message with { Values = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };
        Assert.Equal(Print(), Print(message: reordered));
        Assert.NotEqual(Print(), Print(token: "other"));
        Assert.Equal(64, Print().Length);
        Assert.DoesNotContain("tok", Print());
    }

    [Fact]
    public void A_request_is_new_then_a_repeat_then_a_conflict_if_its_content_changed()
    {
        Assert.Equal(PackVerdict.Apply, PackApprovalRules.OnRequested(null, Print()));
        Assert.Equal(PackVerdict.Repeat, PackApprovalRules.OnRequested(PackRevision.Of(Stored()), Print()));
        Assert.Equal(PackVerdictKind.Conflict, PackApprovalRules.OnRequested(PackRevision.Of(Stored()), Print(token: "other")).Kind);
        Assert.Equal(PackVerdictKind.Conflict, PackApprovalRules.OnRequested(PackRevision.Of(Stored(revision: 2)), Print()).Kind);
    }

    [Fact]
    public void An_update_must_raise_the_revision_of_a_pending_approval()
    {
        Assert.Equal(PackVerdictKind.Missing, PackApprovalRules.OnUpdated(null, 2, Print(2), undecided: true).Kind);
        Assert.Equal(PackVerdict.Apply, PackApprovalRules.OnUpdated(PackRevision.Of(Stored()), 2, Print(2), undecided: true));
        Assert.Equal(PackVerdict.Repeat, PackApprovalRules.OnUpdated(PackRevision.Of(Stored(2)), 2, Print(2), undecided: true));
        Assert.Equal(PackVerdictKind.Conflict, PackApprovalRules.OnUpdated(PackRevision.Of(Stored(3)), 2, Print(2), undecided: true).Kind);
        Assert.Equal(PackVerdictKind.Conflict, PackApprovalRules.OnUpdated(PackRevision.Of(Stored(2)), 2, Print(2, token: "x"), undecided: true).Kind);
        Assert.Equal(PackVerdictKind.Conflict, PackApprovalRules.OnUpdated(PackRevision.Of(Stored()), 2, Print(2), undecided: false).Kind);
    }

    [Fact]
    public void A_decision_is_made_once_and_the_same_one_is_a_repeat()
    {
        var stored = Stored();
        var approve = PackDecisionHash.Compute("demo", "run-42", "deploy-prod", Plan, PackDecisions.Approve);
        Assert.Equal(PackVerdict.Apply, PackApprovalRules.OnDecision(stored, approve));

        stored.Decision = PackDecisions.Approve;
        stored.DecisionHash = approve;
        stored.DecidedBy = "manager@demo.local";
        Assert.Equal(PackVerdict.Repeat, PackApprovalRules.OnDecision(stored, approve));
        var reject = PackDecisionHash.Compute("demo", "run-42", "deploy-prod", Plan, PackDecisions.Reject);
        var conflict = PackApprovalRules.OnDecision(stored, reject);
        Assert.Equal(PackVerdictKind.Conflict, conflict.Kind);
        Assert.Contains("approve by manager@demo.local", conflict.Reason);
    }

    [Fact]
    public void The_decision_hash_is_the_sha256_of_the_lines_and_ignores_the_plan_prefix_and_case()
    {
        // printf 'demo\nrun-42\ndeploy-prod\n<plan>\napprove' | sha256sum
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"demo\nrun-42\ndeploy-prod\n{Plan}\napprove")));
        Assert.Equal(expected, PackDecisionHash.Compute("demo", "run-42", "deploy-prod", "SHA256:" + Plan.ToUpperInvariant(), "Approve"));
    }

    [Theory]
    [InlineData("maybe", "manager", null, "decision")]
    [InlineData("approve", "", null, "actor")]
    [InlineData("reject", "manager", null, "comment")]
    [InlineData("approve", "manager", null, "decisionHash")]
    public void A_bad_decision_names_its_field(string decision, string actor, string? comment, string field)
    {
        var hash = field == "decisionHash" ? new string('0', 64) : PackDecisionHash.Compute("demo", "run-42", "deploy-prod", Plan, decision);
        var errors = PackApprovalRules.CheckDecision(Stored(), new PackAckRequest { Decision = decision, Actor = actor, Comment = comment, DecisionHash = hash });
        Assert.Contains(errors, e => e.Field == field);
    }
}
