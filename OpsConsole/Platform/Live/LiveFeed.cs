using System.Collections.Immutable;
using System.Security.Claims;

namespace OpsConsole.Platform.Live;

/// <summary>The in-process fan-out of live changes; the relay publishes into it, components follow topics as their user.</summary>
public sealed class LiveFeed(LiveTopicRegistry topics, LiveAudienceCheck audience, ILogger<LiveFeed> log) : ILiveFeed
{
    readonly Lock gate = new();
    ImmutableDictionary<string, ImmutableList<Follower>> followers = ImmutableDictionary<string, ImmutableList<Follower>>.Empty;

    public LiveSubscription Subscribe(ClaimsPrincipal user, string topic, Func<LiveChange, Task> handler)
    {
        if (!topics.IsKnown(topic))
            throw new ArgumentException(topics.Unknown(topic), nameof(topic));
        var subscription = new LiveSubscription();
        subscription.Following = FollowAsync(subscription, user, topic, handler);
        return subscription;
    }

    async Task<bool> FollowAsync(LiveSubscription subscription, ClaimsPrincipal user, string topic, Func<LiveChange, Task> handler)
    {
        LiveFollow follow;
        try
        {
            follow = await audience.CheckAsync(user, topic);
        }
        catch (Exception ex)
        {
            // A broken check (a policy nobody added) must not take the page down; the page just stays still.
            log.LogError(ex, "The audience check of live topic {Topic} failed; the component will not follow it", topic);
            return false;
        }
        if (!follow.IsGranted)
            return false;
        var follower = new Follower(follow, handler);
        return subscription.TryJoin(() => Change(topic, list => list.Add(follower)), () => Change(topic, list => list.Remove(follower)));
    }

    void Change(string topic, Func<ImmutableList<Follower>, ImmutableList<Follower>> edit)
    {
        lock (gate)
            followers = followers.SetItem(topic, edit(followers.GetValueOrDefault(topic, [])));
    }

    /// <summary>Hands the change to every follower it may reach; a failing handler is logged and does not stop the others.</summary>
    public Task PublishAsync(LiveChange change)
    {
        var reached = followers.GetValueOrDefault(change.Topic, []).Where(f => f.Follow.Delivers(change)).ToList();
        return reached.Count == 0 ? Task.CompletedTask : Task.WhenAll(reached.Select(f => InvokeAsync(f.Handler, change)));
    }

    async Task InvokeAsync(Func<LiveChange, Task> handler, LiveChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "A live handler for {Topic} failed on a {Kind} change", change.Topic, change.Kind);
        }
    }

    // A class, not a record: two identical subscriptions are still two followers, and each leaves on its own.
    sealed class Follower(LiveFollow follow, Func<LiveChange, Task> handler)
    {
        public LiveFollow Follow => follow;
        public Func<LiveChange, Task> Handler => handler;
    }
}
