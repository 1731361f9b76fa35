using OpsConsole.Platform.Wakeups;

namespace OpsConsole.Platform.Transitions;

/// <summary>What one attempt concluded after the Domain decided: save the change with its effects, keep things as
/// they are, or refuse with a reason.</summary>
public abstract record TransitionDecision
{
    TransitionDecision() { }

    /// <summary>Saves the tracked changes with <paramref name="effects"/>, which must hold an audit event.</summary>
    public static TransitionDecision Apply(string from, string to, TransitionEffects effects) => new Applied(from, to, effects);

    /// <summary>Nothing needs changing (the state asked for is the state already); nothing is written.</summary>
    public static TransitionDecision Unchanged(string state) => new Kept(state, SaveBookkeeping: false, new WakeTimes());

    /// <summary>No state an actor or a reader acts on changed, but bookkeeping the Domain recomputed (a derived due time,
    /// a spent deferral) is saved; nothing is audited or announced, only <paramref name="wakes"/> are sent.</summary>
    public static TransitionDecision Recompute(string state, WakeTimes? wakes = null) => new Kept(state, SaveBookkeeping: true, wakes ?? new());

    public static TransitionDecision Refuse(string reason) => new Refused(reason);

    public sealed record Applied(string From, string To, TransitionEffects Effects) : TransitionDecision;

    public sealed record Kept(string State, bool SaveBookkeeping, WakeTimes Wakes) : TransitionDecision;

    public sealed record Refused(string Reason) : TransitionDecision;
}
