using System.Net;
using OpsConsole.Features.Identity.SignIn;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Security;

/// <summary>
/// Sign-in attempts on real Kestrel from two loopback addresses: guessing from one is refused with 429 and Retry-After,
/// and the account's owner signing in from the other gets in all the same.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignInLimitTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;
    Uri server = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?>
        {
            // Two attempts a minute per account and address: one at once, then one waiting its turn, then refusals.
            [SignInLimitSettings.PerAccountSetting] = "2",
            [SignInLimitSettings.PerAddressSetting] = "100",
        });
        server = app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Wrong_passwords_from_one_address_are_refused_with_429_while_the_owner_gets_in_from_another()
    {
        using var stop = new CancellationTokenSource();
        using var attacker = LoopbackClient.From("127.0.0.2", server);
        // One antiforgery cookie for all the guesses, as one browser has.
        (await attacker.GetAsync("/login")).Dispose();
        var guesses = Enumerable.Range(0, 8).Select(i => GuessAsync(attacker, $"Wrong-guess-{i}", stop.Token)).ToList();

        var refused = await FirstRefusalAsync(guesses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After in seconds");
        Assert.Contains("Too many sign-in attempts from here", await refused.Content.ReadAsStringAsync());

        using var owner = LoopbackClient.From("127.0.0.1", server);
        using var signedIn = await OpsAppFactory.PostSignInAsync(owner, "manager@demo.local", "Demo-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ops.auth=", StringComparison.Ordinal));
        await stop.CancelAsync();
    }

    static async Task<HttpResponseMessage> GuessAsync(HttpClient client, string password, CancellationToken ct)
    {
        try
        {
            return await OpsAppFactory.PostSignInAsync(client, "manager@demo.local", password).WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return new HttpResponseMessage(HttpStatusCode.RequestTimeout);
        }
    }

    /// <summary>The first answer that is a refusal; the attempts still waiting their turn are left to be cancelled.</summary>
    static async Task<HttpResponseMessage> FirstRefusalAsync(List<Task<HttpResponseMessage>> attempts)
    {
        var pending = attempts.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).WaitAsync(TimeSpan.FromSeconds(60));
            pending.Remove(done);
            if ((await done).StatusCode == HttpStatusCode.TooManyRequests)
                return await done;
        }
        throw new InvalidOperationException("No attempt was refused.");
    }
}
