using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// An open circuit's sign-in, checked at once when the user's sessions change (the live "sessions" topic) and every
/// <see cref="CheckEvery"/> regardless, so an ended session, a disabled user or a role change takes the circuit's
/// access away within that time. The page then says why (<see cref="Ended"/>); fresher claims are taken in place.
/// </summary>
sealed class CircuitSessionState : ServerAuthenticationStateProvider, IDisposable
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    readonly SessionCheck check;
    readonly ILiveFeed feed;
    readonly ILogger<CircuitSessionState> log;
    CancellationTokenSource? watching;

    public CircuitSessionState(SessionCheck check, ILiveFeed feed, ILogger<CircuitSessionState> log)
    {
        this.check = check;
        this.feed = feed;
        this.log = log;
        AuthenticationStateChanged += Watch;
    }

    /// <summary>Why this circuit's session ended, once it has; null while it lasts or when there was none.</summary>
    public string? Ended { get; private set; }

    void Watch(Task<AuthenticationState> state)
    {
        watching?.Cancel();
        watching = new CancellationTokenSource();
        _ = WatchAsync(state, watching.Token);
    }

    async Task WatchAsync(Task<AuthenticationState> state, CancellationToken ct)
    {
        var user = (await state).User;
        // A circuit opened without a session (a wall display) is not this check's to judge.
        if (user.Identity?.IsAuthenticated != true || SessionClaims.SessionOf(user) is null)
            return;
        var changed = new SemaphoreSlim(0);
        using var subscription = feed.Subscribe(user, LiveTopics.Sessions, _ =>
        {
            if (changed.CurrentCount == 0)
                changed.Release();
            return Task.CompletedTask;
        });
        try
        {
            while (true)
            {
                await changed.WaitAsync(CheckEvery, ct);
                if (await CheckAsync(user, ct) is not { } verdict)
                    continue;
                if (verdict.Ended is { } why)
                {
                    Ended = why;
                    SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
                    return;
                }
                if (verdict.Fresher is { } fresher)
                {
                    SetAuthenticationState(Task.FromResult(new AuthenticationState(fresher)));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    async Task<SessionVerdict?> CheckAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            return await check.CheckAsync(user, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The database is away for a moment: the circuit keeps what it has and asks again at the next check.
            log.LogWarning(ex, "The session of an open circuit could not be checked; trying again in {Interval}", CheckEvery);
            return null;
        }
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= Watch;
        watching?.Cancel();
    }
}
