using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.Alerts;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>The app on a class's own database with demo data (so the demo key holds every scope) and a clock the test
/// moves; signs and posts the way a feed does.</summary>
public sealed class AlertsApp(DatabaseFixture fixture, IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : IAsyncDisposable
{
    /// <summary>A key that holds MarketPrices:Ingest alone, for the refusals of every other scope.</summary>
    public const string PricesKey = "prices";
    public const string PricesSecret = "prices-only-secret-0123";

    public static IReadOnlyDictionary<string, string?> PricesOnlyKey { get; } = new Dictionary<string, string?>
    {
        [$"MachineClients:Keys:{PricesKey}:Secret"] = PricesSecret,
        [$"MachineClients:Keys:{PricesKey}:Tenant"] = "demo",
        [$"MachineClients:Keys:{PricesKey}:Scopes"] = AlertsFeature.MarketPricesScope,
    };

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    OpsAppFactory? host;
    int sent;

    public OpsAppFactory Host => host ??= Start();

    OpsAppFactory Start()
    {
        var app = new AlertsHost(fixture.ConnectionString, settings, services) { Clock = Clock };
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

    /// <summary>Signs in through the login form as a demo user and sends the request with that session.</summary>
    public async Task<HttpResponseMessage> SendAsSignedInAsync(string email, HttpMethod method, string path)
    {
        var cookie = await Host.SignInAsync(email);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return await Host.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetSignedAsync(string path) =>
        await Host.CreateClient().SendAsync(SignedRequest.Create(HttpMethod.Get, $"{path}{(path.Contains('?') ? '&' : '?')}n={++sent}",
            MachineClientOptions.DemoKeyId, MachineClientOptions.DemoSecret, Clock.GetUtcNow()));

    sealed class AlertsHost(string connectionString, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
        : OpsAppFactory(connectionString, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (services is not null)
                builder.ConfigureTestServices(services);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
            await host.DisposeAsync();
    }
}
