using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Security;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Security;

/// <summary>X-Forwarded-For is believed from the configured proxy only; anyone else is taken at their own address.</summary>
[Trait("Category", "Integration")]
public sealed class ForwardedHeadersTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    OpsAppFactory app = null!;
    Uri server = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?> { [TrustedProxies.Setting] = "127.0.0.1" });
        server = app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<string> SignedInAddressAsync(string from, string email, string claimed)
    {
        using var client = LoopbackClient.From(from, server);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", claimed);
        (await OpsAppFactory.PostSignInAsync(client, email, "Demo-pass-1")).Dispose();
        await using var db = fixture.CreateContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.UserSessions.Where(s => s.UserId == userId).OrderByDescending(s => s.StartedAt).Select(s => s.ClientAddress).FirstAsync();
    }

    [Fact]
    public async Task The_configured_proxy_names_the_client_and_anyone_else_is_recorded_as_themselves()
    {
        Assert.Equal("203.0.113.7", await SignedInAddressAsync("127.0.0.1", "viewer@demo.local", "203.0.113.7"));
        Assert.Equal("127.0.0.2", await SignedInAddressAsync("127.0.0.2", "operator@demo.local", "203.0.113.9"));
    }
}
