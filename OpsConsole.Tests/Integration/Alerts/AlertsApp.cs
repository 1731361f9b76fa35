using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>The app on a class's own database with demo data (so the demo key holds every scope) and a clock the test
/// moves; signs and posts the way a feed does.</summary>
public sealed class AlertsApp(DatabaseFixture fixture, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncDisposable
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    OpsAppFactory? host;
    int sent;

    public OpsAppFactory Host => host ??= Start();

    OpsAppFactory Start()
    {
        var app = new OpsAppFactory(fixture.ConnectionString, settings) { Clock = Clock };
        _ = app.Server;
        return app;
    }

    /// <summary>Posts the body signed by the key; each request is signed afresh, so none is taken for a replay.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string body, string key = MachineClientOptions.DemoKeyId,
        string secret = MachineClientOptions.DemoSecret)
    {
        // The signature covers the path and query; a counter in the query makes each one new.
        using var request = SignedRequest.Create(HttpMethod.Post, $"{path}?n={++sent}", key, secret, Clock.GetUtcNow(), body);
        return await Host.CreateClient().SendAsync(request);
    }

    public async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
            await host.DisposeAsync();
    }
}
