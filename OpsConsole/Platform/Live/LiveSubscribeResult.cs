namespace OpsConsole.Platform.Live;

/// <summary>The hub's answer to Subscribe, sent as <c>{ topic, following, refusal }</c>; refusal says why when not following.</summary>
public sealed record LiveSubscribeResult(string Topic, bool Following, string? Refusal)
{
    public static LiveSubscribeResult From(LiveFollow follow) => new(follow.Topic, follow.IsGranted, follow.Refusal);
}
