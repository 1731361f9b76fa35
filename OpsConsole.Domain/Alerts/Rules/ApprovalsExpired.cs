using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>approvals_expired, per request: it expired without a decision within the window; it clears when its expiry
/// leaves the window.</summary>
public sealed class ApprovalsExpired(TimeSpan window) : IAlertRule<IReadOnlyList<ExpiredApprovalFact>>
{
    public string Code => AlertCodes.ApprovalsExpired;
    public AlertSeverity Severity => AlertSeverity.Warning;
    public TimeSpan? Window => window;
    public string Checks => "No approval request may have expired without a decision within the window.";

    public string Recovered(string scopeKey) => $"The expiry of request {scopeKey} is older than the window.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<ExpiredApprovalFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => f.ExpiredAt <= now && now - f.ExpiredAt <= window).Select(f => AlertCondition.Of(this,
            new AlertScope("approvals", f.RequestId.ToString()),
            $"“{f.Title}” ({f.Department}) expired {DurationText.Ago(f.ExpiredAt, now)} without a decision.",
            AlertWhy.Of(this, now, AlertFact.Of("request", f.RequestId.ToString()), AlertFact.Of("title", f.Title),
                AlertFact.Of("department", f.Department), AlertFact.Of("expired at", f.ExpiredAt)),
            f.RequestId.ToString())),
    ];
}
