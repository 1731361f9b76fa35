namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>
/// pack_policy_hold, per run and gate: a policy gate holds a Task Runner run. It clears when the run is heard of again
/// after the hold (it asked for an approval, so it moved on) or when someone acknowledges it; a later hold raises it again.
/// </summary>
public sealed class PackPolicyHeld : IAlertRule<IReadOnlyList<PackHoldFact>>
{
    public string Code => AlertCodes.PackPolicyHold;
    public AlertSeverity Severity => AlertSeverity.Warning;
    public TimeSpan? Window => null;
    public string Checks => "A run held by a policy gate must move on, or be acknowledged by someone who looked at it.";
    public bool ClearedByAcknowledgement => true;

    public string Recovered(string scopeKey) => $"Run {scopeKey} moved on past its policy gate.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<PackHoldFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(Holds).Select(f => AlertCondition.Of(this,
            new AlertScope("packs", f.ScopeKey),
            $"Run {f.RunId} of {f.Tenant} is held at gate {f.Gate}: {Notifications.SecretRedaction.Redact(f.Messages.FirstOrDefault() ?? "no message")}",
            AlertWhy.Of(this, now, [
                AlertFact.Of("tenant", f.Tenant), AlertFact.Of("run", f.RunId), AlertFact.Of("gate", f.Gate),
                AlertFact.Of("held at", f.HeldAt), AlertFact.Of("received at", f.ReceivedAt),
                .. f.Messages.Select((m, i) => AlertFact.Of($"message {i + 1}", Notifications.SecretRedaction.Redact(m))),
            ]),
            f.ScopeKey)),
    ];

    static bool Holds(PackHoldFact f) =>
        (f.RunMovedOnAt is not { } moved || moved <= f.ReceivedAt)
        && (f.AcknowledgedAt is not { } acknowledged || f.ReceivedAt > acknowledged);
}
