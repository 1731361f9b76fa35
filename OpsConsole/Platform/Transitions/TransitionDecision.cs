namespace OpsConsole.Platform.Transitions;

/// <summary>What one attempt concluded after the Domain decided: save the change, or refuse it with a reason.</summary>
public abstract record TransitionDecision
{
    TransitionDecision() { }

    public static TransitionDecision Apply(string from, string to) => new Applied(from, to);

    public static TransitionDecision Refuse(string reason) => new Refused(reason);

    public sealed record Applied(string From, string To) : TransitionDecision;

    public sealed record Refused(string Reason) : TransitionDecision;
}
